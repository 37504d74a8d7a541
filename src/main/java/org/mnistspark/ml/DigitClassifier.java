package org.mnistspark.ml;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.files.Storage;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.NativeBackend;
import org.mnistspark.model.Preset;
import org.mnistspark.progress.Console;
import org.mnistspark.run.RunDirectory;
import org.mnistspark.run.ScanSettings;
import org.mnistspark.train.CollectedExamples;
import org.mnistspark.train.Engine;
import org.mnistspark.train.Recipe;
import org.mnistspark.train.TrainingConfig;
import org.mnistspark.train.TrainingJob;

/**
 * Trains the digit network on a DataFrame: a Spark ML {@code ProbabilisticClassifier} whose {@code fit} gives a
 * {@link DigitClassificationModel}. The features column ({@code featuresCol}, default {@code features}) holds a
 * Vector of 784 values in [0, 1] ({@link DigitImagePreprocessor}'s output) or a binary of 784 bytes (the idx
 * source's {@code image} column); the label column ({@code labelCol}, default {@code label}) a number, the digit.
 * Every row must be an example: a null or wrong-sized features value, one outside [0, 1] or a label that is not
 * a whole number from 0 to 9 fails the fit before any training, saying how many rows cannot be examples and why
 * the first cannot (filter out the preprocessor's unreadable files, whose {@code error} is not null, first).
 *
 * <p>{@code fit} is {@code train}'s training, on the DataFrame's rows collected to the driver in its order, the
 * last of them held out to fit the model's temperature: the same parameter averaging, progress lines (on
 * {@code System.out}) and run files, with no test set. Params left unset take their preset's values exactly as
 * {@code train --preset} gives them ({@code preset}: {@code seed}, the default, {@code fast} or {@code robust}),
 * or with {@code initialModel}, a {@code model.zip} whose parameters the network starts from (fine-tuning),
 * {@code train --init-model}'s defaults. The run goes to {@code checkpointDir}, with a checkpoint every
 * {@code checkpointInterval} steps: fitting again with the same params on the same rows continues from its
 * last checkpoint (a directory of a run with other settings or rows is refused). Without a checkpointDir the
 * run goes to a temporary directory, deleted once the model is read.
 *
 * <p>Nothing of the project's Spark settings is needed: the native set-up happens on first use, and either
 * serializer works, but for Kryo with {@code spark.kryo.registrationRequired}, refused at once.
 */
public final class DigitClassifier extends ProbabilisticClassifier<Vector, DigitClassifier, DigitClassificationModel>
        implements DefaultParamsWritable {
    /** A checkpoint every this many steps by default: half a minute of training on two cores, a few seconds to write. */
    private static final int CHECKPOINT_INTERVAL = 500;

    private final String uid;
    private final Param<String> preset;
    private final LongParam steps;
    private final DoubleParam learningRate;
    private final IntParam workers;
    private final IntParam averagingFrequency;
    private final LongParam seed;
    private final DoubleParam labelSmoothing;
    private final Param<String> augment;
    private final DoubleParam blockMomentum;
    private final DoubleParam emaDecay;
    private final Param<String> checkpointDir;
    private final IntParam checkpointInterval;
    private final Param<String> initialModel;

    public DigitClassifier() {
        this(Identifiable$.MODULE$.randomUID("digitClassifier"));
    }

    public DigitClassifier(String uid) {
        this(uid, ConstructionUid.hold(uid) != null);
    }

    /** {@code held}: the uid waits in {@link ConstructionUid} for the params Spark's constructors build. */
    private DigitClassifier(String uid, boolean held) {
        ConstructionUid.release();
        this.uid = uid;
        preset = new Param<>(this, "preset", "the recipe unset params come from: seed (the article's), fast or robust",
                ParamValidators.inArray(Arrays.stream(Preset.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toArray(String[]::new)));
        steps = new LongParam(this, "steps", "minibatches to train on, all workers together", ParamValidators.gtEq(1));
        learningRate = new DoubleParam(this, "learningRate", "Adam's learning rate", ParamValidators.gt(0));
        workers = new IntParam(this, "workers", "parallel workers; 0: Spark's default parallelism", ParamValidators.gtEq(0));
        averagingFrequency = new IntParam(this, "averagingFrequency", "steps each worker takes between parameter averages",
                ParamValidators.gtEq(1));
        seed = new LongParam(this, "seed", "seed for initial weights, shuffling, dropout and augmentation");
        labelSmoothing = new DoubleParam(this, "labelSmoothing", "share of each training target spread evenly over all classes",
                ParamValidators.inRange(0, 1, true, false));
        augment = new Param<>(this, "augment", "training images changed on the fly, as train --augment: none, default, or a list"
                + " such as affine,elastic=0.5", DigitClassifier::validAugmentation);
        blockMomentum = new DoubleParam(this, "blockMomentum", "after each round, the workers' mean move plus this times the last"
                + " round's move; 0: plain averaging", ParamValidators.inRange(0, 1, true, false));
        emaDecay = new DoubleParam(this, "emaDecay", "the model is the parameters' exponential moving average with this decay a step;"
                + " 0: the last parameters", ParamValidators.inRange(0, 1, true, false));
        checkpointDir = new Param<>(this, "checkpointDir", "directory of the training run, checkpointed: a fit continues the run there");
        checkpointInterval = new IntParam(this, "checkpointInterval", "steps between checkpoints in checkpointDir", ParamValidators.gtEq(1));
        initialModel = new Param<>(this, "initialModel", "a model.zip whose parameters training starts from (fine-tuning)");
        setDefault(preset, "seed");
        setDefault(workers, 0);
        setDefault(seed, 42L);
        setDefault(checkpointInterval, CHECKPOINT_INTERVAL);
    }

    @Override
    public String uid() {
        return uid != null ? uid : ConstructionUid.pending();
    }

    public Param<String> preset() {
        return preset;
    }

    public LongParam steps() {
        return steps;
    }

    public DoubleParam learningRate() {
        return learningRate;
    }

    public IntParam workers() {
        return workers;
    }

    public IntParam averagingFrequency() {
        return averagingFrequency;
    }

    public LongParam seed() {
        return seed;
    }

    public DoubleParam labelSmoothing() {
        return labelSmoothing;
    }

    public Param<String> augment() {
        return augment;
    }

    public DoubleParam blockMomentum() {
        return blockMomentum;
    }

    public DoubleParam emaDecay() {
        return emaDecay;
    }

    public Param<String> checkpointDir() {
        return checkpointDir;
    }

    public IntParam checkpointInterval() {
        return checkpointInterval;
    }

    public Param<String> initialModel() {
        return initialModel;
    }

    public String getPreset() {
        return $(preset);
    }

    /** The steps the fit takes: as set, else the recipe's. */
    public long getSteps() {
        return recipe().steps((Long) given(steps));
    }

    /** The learning rate the fit uses: as set, else the recipe's. */
    public double getLearningRate() {
        return recipe().learningRate((Double) given(learningRate));
    }

    public int getWorkers() {
        return (Integer) $(workers);
    }

    /** The averaging frequency the fit uses: as set, else the preset's. */
    public int getAveragingFrequency() {
        return recipe().averagingFrequency((Integer) given(averagingFrequency));
    }

    public long getSeed() {
        return (Long) $(seed);
    }

    /** The label smoothing the fit uses: as set, else the initial model's, else the preset's. */
    public double getLabelSmoothing() {
        return recipe().labelSmoothing((Double) given(labelSmoothing), () -> hadoopConfiguration());
    }

    /** The augmentation the fit uses, as {@code train --augment} writes it: as set, else the recipe's. */
    public String getAugment() {
        return augmentation().describe();
    }

    /**
     * The block momentum the fit uses: as set, else the recipe's; null where the recipe's depends on the workers,
     * 1 - 1/workers once the fit knows them.
     */
    public Double getBlockMomentum() {
        return recipe().blockMomentum((Double) given(blockMomentum), Engine.MNIST_SPARK);
    }

    /** The decay of the weight average the fit's model holds: as set, else the recipe's. */
    public double getEmaDecay() {
        return recipe().emaDecay((Double) given(emaDecay));
    }

    /** The directory of the fit's run; null: none, a temporary one. */
    public String getCheckpointDir() {
        return (String) given(checkpointDir);
    }

    public int getCheckpointInterval() {
        return (Integer) $(checkpointInterval);
    }

    /** The model whose parameters training starts from; null: none, training starts afresh. */
    public String getInitialModel() {
        return (String) given(initialModel);
    }

    public DigitClassifier setPreset(String value) {
        return (DigitClassifier) set(preset, value);
    }

    public DigitClassifier setSteps(long value) {
        return (DigitClassifier) set(steps, value);
    }

    public DigitClassifier setLearningRate(double value) {
        return (DigitClassifier) set(learningRate, value);
    }

    public DigitClassifier setWorkers(int value) {
        return (DigitClassifier) set(workers, value);
    }

    public DigitClassifier setAveragingFrequency(int value) {
        return (DigitClassifier) set(averagingFrequency, value);
    }

    public DigitClassifier setSeed(long value) {
        return (DigitClassifier) set(seed, value);
    }

    public DigitClassifier setLabelSmoothing(double value) {
        return (DigitClassifier) set(labelSmoothing, value);
    }

    public DigitClassifier setAugment(String value) {
        return (DigitClassifier) set(augment, value);
    }

    public DigitClassifier setBlockMomentum(double value) {
        return (DigitClassifier) set(blockMomentum, value);
    }

    public DigitClassifier setEmaDecay(double value) {
        return (DigitClassifier) set(emaDecay, value);
    }

    public DigitClassifier setCheckpointDir(String value) {
        return (DigitClassifier) set(checkpointDir, value);
    }

    public DigitClassifier setCheckpointInterval(int value) {
        return (DigitClassifier) set(checkpointInterval, value);
    }

    public DigitClassifier setInitialModel(String value) {
        return (DigitClassifier) set(initialModel, value);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return Features.checkedAsVectors(schema, getFeaturesCol(), InputShape.MNIST.pixels(), super::transformSchema);
    }

    /** Spark's {@code fit} calls it with the schema checked and the labels cast to doubles; the fitted model takes this uid. */
    @Override
    public DigitClassificationModel train(Dataset<?> dataset) {
        SparkSession spark = dataset.sparkSession();
        SerializerCheck.require(spark.sparkContext().getConf());
        NativeBackend.configureOnce();
        CollectedExamples examples = TrainingRows.collect(dataset, getFeaturesCol(), getLabelCol(), InputShape.MNIST);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Console console = Console.plain(new PrintWriter(System.out, true));
        try (FitDirectory dir = FitDirectory.of(getCheckpointDir())) {
            TrainingJob.fit(spark, trainingConfig(dir, upright(dataset.schema(), conf)), examples, console);
            DigitClassificationModel model = DigitClassificationModel.fitted(uid, Storage.child(dir.location(), RunDirectory.MODEL), conf);
            if (!dir.keeps()) {
                console.out().println("the fitted model holds the network; those files go with the temporary directory"
                        + " (setCheckpointDir keeps a fit's run)");
            }
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Whether the rows are upright digits, which the model records: as the features column's metadata says (the idx
     * source's {@code upright} option); else as the starting model learnt them; else they are taken as they are.
     */
    private boolean upright(StructType schema, Configuration conf) {
        Boolean marked = Features.upright(schema, getFeaturesCol());
        if (marked != null) {
            return marked;
        }
        return getInitialModel() != null && ModelFile.info(getInitialModel(), conf).upright();
    }

    /** What {@code train} would be given for these params, the run in {@code dir}; it trains on the rows as given, {@code upright} or not. */
    private TrainingConfig trainingConfig(FitDirectory dir, boolean upright) {
        Recipe recipe = recipe();
        return new TrainingConfig(null, dir.location(), getPreset(), getSteps(), null,
                recipe.hyperparameters(getLearningRate(), getSeed(), getLabelSmoothing(), augmentation()), getAveragingFrequency(),
                getWorkers(), TrainingConfig.DEFAULT_LOG_EVERY, dir.keeps() ? getCheckpointInterval() : 0, false,
                new ScanSettings(null, null, null, getInitialModel(), null), Engine.MNIST_SPARK, getBlockMomentum(),
                false, getEmaDecay(), upright);
    }

    private Augmentation augmentation() {
        String given = (String) given(augment);
        return recipe().augmentation(given == null ? null : Augmentation.parse(given));
    }

    private static boolean validAugmentation(String spec) {
        try {
            Augmentation.parse(spec);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Recipe recipe() {
        return new Recipe(Preset.valueOf(getPreset().toUpperCase(Locale.ROOT)), getInitialModel());
    }

    /** The param's value if set, else null: the recipe decides. */
    private Object given(Param<?> param) {
        return isSet(param) ? $(param) : null;
    }

    private static Configuration hadoopConfiguration() {
        return SparkSession.active().sparkContext().hadoopConfiguration();
    }

    @Override
    public DigitClassifier copy(ParamMap extra) {
        return (DigitClassifier) defaultCopy(extra);
    }

    public static MLReader<DigitClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static DigitClassifier load(String path) {
        return read().load(path);
    }
}
