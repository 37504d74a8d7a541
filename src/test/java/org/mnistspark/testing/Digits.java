package org.mnistspark.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Real MNIST test digits, and ways of drawing them. */
public final class Digits {
    public record Digit(long index, int label, byte[] pixels) {}

    private static final StructType IMAGES = new StructType()
            .add("index", DataTypes.LongType, false)
            .add("label", DataTypes.IntegerType, false)
            .add("image", DataTypes.BinaryType, false);

    private Digits() {}

    /** The first {@code n} digits of the MNIST test set, in file order. */
    public static List<Digit> mnistTest(int n) {
        return mnistTestRows(n).stream().map(r -> new Digit(r.getLong(0), r.getInt(1), (byte[]) r.get(2))).toList();
    }

    private static List<Row> mnistTestRows(int n) {
        return TestSpark.session().read().format("idx").load(TestData.mnist().resolve("t10k-images-idx3-ubyte.gz").toString())
                .orderBy("index").limit(n).collectAsList();
    }

    /** The first {@code n} digits of the MNIST test set as the idx source gives them (index, label, image), held by the driver. */
    public static Dataset<Row> mnistTestFrame(int n) {
        return TestSpark.session().createDataFrame(mnistTestRows(n), IMAGES);
    }

    /** A folder of scans: the first {@code n} MNIST test digits as digit-INDEX.png, and notes.txt, which is no image. */
    public static Path scanFolder(Path folder, int n) throws IOException {
        Files.createDirectories(folder);
        for (Digit digit : mnistTest(n)) {
            ImageIO.write(inkOnPaper(digit.pixels()), "png", folder.resolve("digit-" + digit.index() + ".png").toFile());
        }
        Files.writeString(folder.resolve("notes.txt"), "not a digit");
        return folder;
    }

    /** The digit as a scan would show it at its own size: dark ink on white paper. */
    public static BufferedImage inkOnPaper(byte[] pixels) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < pixels.length; i++) {
            image.getRaster().setSample(i % 28, i / 28, 0, 255 - (pixels[i] & 0xff));
        }
        return image;
    }
}
