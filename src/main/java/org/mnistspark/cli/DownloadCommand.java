package org.mnistspark.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistspark.idx.Dataset;
import org.mnistspark.idx.Downloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "download", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Fetch a data set's four IDX files, checking each against its known MD5; files already present and intact are kept.")
final class DownloadCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:MNIST_DIR:-data/mnist}",
            description = "Directory to fill (env MNIST_DIR).")
    Path data;

    @Option(names = "--dataset", defaultValue = "mnist", converter = DatasetConverter.class, completionCandidates = DatasetConverter.class,
            description = "Which data set: ${COMPLETION-CANDIDATES}.")
    Dataset dataset;

    @Option(names = "--mirror", paramLabel = "URL", description = "A base URL to fetch from instead of the built-in mirrors; repeatable, tried in order.")
    List<URI> mirrors = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<URI> sources = new ArrayList<>();
        for (URI mirror : mirrors) {
            sources.add(mirror.toString().endsWith("/") ? mirror : URI.create(mirror + "/"));
        }
        if (sources.isEmpty()) {
            sources.addAll(dataset.mirrors());
        }
        new Downloader(spec.commandLine().getOut()::println).download(dataset, data, sources);
        return 0;
    }
}
