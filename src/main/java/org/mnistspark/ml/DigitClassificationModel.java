package org.mnistspark.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mnistspark.model.InputShape;
import scala.Option;
import scala.Tuple3;

/**
 * A trained digit network as a Spark ML classification model. {@code transform} keeps every input column
 * and adds {@code prediction}, {@code rawPrediction} (the log-probabilities), {@code probability} (at the
 * model's fitted temperature, the values {@code score} writes), {@code confidence} (the predicted class's
 * probability) and {@code error} (why a row has no prediction: its features are null, of the wrong size or
 * outside [0, 1]). The features column holds an ML Vector of 784 values in [0, 1] or a binary of 784 bytes.
 * The network runs on the executors {@code batchSize} rows at a time, broadcast once.
 */
public final class DigitClassificationModel extends ProbabilisticClassificationModel<Vector, DigitClassificationModel>
        implements MLWritable {
    /** Where a saved model keeps its network, beside Spark's params metadata: a model file like {@code train}'s. */
    static final String MODEL_FILE = "model.zip";

    private final String uid;
    private final transient SharedNetwork network;
    private final Param<String> confidenceCol;
    private final Param<String> errorCol;
    private final IntParam batchSize;

    private DigitClassificationModel(String uid, SharedNetwork network) {
        this(network, ConstructionUid.hold(uid));
    }

    private DigitClassificationModel(SharedNetwork network, String uid) {
        ConstructionUid.release();
        this.uid = uid;
        this.network = network;
        confidenceCol = new Param<>(this, "confidenceCol", "column for the predicted class's probability");
        errorCol = new Param<>(this, "errorCol", "column for why a row has no prediction (null when it has one)");
        batchSize = new IntParam(this, "batchSize", "rows sent through the network at once", ParamValidators.gtEq(1));
        setDefault(confidenceCol, "confidence");
        setDefault(errorCol, "error");
        setDefault(batchSize, 256);
    }

    /** The model in a {@code model.zip} that {@code train} wrote, on any Hadoop path, read with the active session's settings. */
    public static DigitClassificationModel fromModelFile(String path) {
        return new DigitClassificationModel(Identifiable$.MODULE$.randomUID("digitClassificationModel"),
                SharedNetwork.load(path, SparkSession.active().sparkContext().hadoopConfiguration()));
    }

    /** The model {@link DigitClassifier} fitted: the run's model file, under the estimator's uid, as Spark's models take it. */
    static DigitClassificationModel fitted(String uid, String modelFile, Configuration conf) {
        return new DigitClassificationModel(uid, SharedNetwork.load(modelFile, conf));
    }

    @Override
    public String uid() {
        return uid != null ? uid : ConstructionUid.pending();
    }

    public Param<String> confidenceCol() {
        return confidenceCol;
    }

    public Param<String> errorCol() {
        return errorCol;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public String getConfidenceCol() {
        return $(confidenceCol);
    }

    public String getErrorCol() {
        return $(errorCol);
    }

    public int getBatchSize() {
        return (Integer) $(batchSize);
    }

    public DigitClassificationModel setConfidenceCol(String value) {
        return (DigitClassificationModel) set(confidenceCol, value);
    }

    public DigitClassificationModel setErrorCol(String value) {
        return (DigitClassificationModel) set(errorCol, value);
    }

    public DigitClassificationModel setBatchSize(int value) {
        return (DigitClassificationModel) set(batchSize, value);
    }

    /** The images the network reads, and the classes it tells apart. */
    public InputShape inputShape() {
        return network.shape();
    }

    @Override
    public int numClasses() {
        return network.shape().classes();
    }

    @Override
    public int numFeatures() {
        return network.shape().pixels();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        StructType output = Features.checkedAsVectors(schema, getFeaturesCol(), numFeatures(), super::transformSchema);
        return Rows.withError(Rows.withColumn(output, getConfidenceCol(), DataTypes.DoubleType), getErrorCol());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType output = transformSchema(dataset.schema());
        double[] thresholds = isDefined(thresholds()) ? getThresholds() : null;
        if (thresholds != null && thresholds.length != numClasses()) {
            throw new IllegalArgumentException("thresholds has " + thresholds.length + " values, not one for each of the "
                    + numClasses() + " classes");
        }
        Dataset<Row> input = dataset.toDF();
        String internal = "__" + uid + "_";
        StructType computed = input.schema()
                .add(internal + "prediction", DataTypes.DoubleType)
                .add(internal + "probability", new VectorUDT())
                .add(internal + "rawPrediction", new VectorUDT())
                .add(internal + "confidence", DataTypes.DoubleType)
                .add(internal + "error", DataTypes.StringType);
        BatchPredictor predictor = new BatchPredictor(network.broadcast(dataset.sparkSession().sparkContext()),
                input.schema().fieldIndex(getFeaturesCol()), numFeatures(), getBatchSize(), thresholds);
        Map<String, String> added = new LinkedHashMap<>();
        added.put(getPredictionCol(), internal + "prediction");
        added.put(getProbabilityCol(), internal + "probability");
        added.put(getRawPredictionCol(), internal + "rawPrediction");
        added.put(getConfidenceCol(), internal + "confidence");
        return Rows.select(input.mapPartitions(predictor, Encoders.row(computed)), input.schema(), output, added,
                getErrorCol(), internal + "error");
    }

    /** One row through the driver's network: the log-probabilities at the model's temperature. */
    @Override
    public Vector predictRaw(Vector features) {
        return Vectors.dense(network.predict(Features.read(features, numFeatures())).logProbabilities(0));
    }

    /** softmax, in place: the probabilities whose logarithms {@link #predictRaw} gave. */
    @Override
    public Vector raw2probabilityInPlace(Vector rawPrediction) {
        double[] values = ((DenseVector) rawPrediction).values();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(values[i] - max);
            sum += values[i];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= sum;
        }
        return rawPrediction;
    }

    /**
     * Spark's training summaries call it, and this model has none; Java must still choose between the two
     * signatures it inherits from Scala (ClassificationModel's and ProbabilisticClassificationModel's), which
     * only a raw tuple satisfies both of.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Tuple3 findSummaryModel() {
        return new Tuple3(this, getProbabilityCol(), getPredictionCol());
    }

    @Override
    public DigitClassificationModel copy(ParamMap extra) {
        return copyValues(new DigitClassificationModel(uid, network), extra).setParent(parent());
    }

    SharedNetwork network() {
        return network;
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<DigitClassificationModel> read() {
        return new Reader();
    }

    /** The model a {@link #write()} saved, or a {@link org.apache.spark.ml.PipelineModel} holding it saved as its stage. */
    public static DigitClassificationModel load(String path) {
        return read().load(path);
    }

    /** Spark's params metadata, and the network as a model file beside it. */
    private static final class Writer extends MLWriter {
        private final DigitClassificationModel model;

        Writer(DigitClassificationModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sc(), Option.empty(), Option.empty());
            try {
                model.network.save(new Path(path, MODEL_FILE).toString(), sc().hadoopConfiguration());
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class Reader extends MLReader<DigitClassificationModel> {
        @Override
        public DigitClassificationModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sc(),
                    DigitClassificationModel.class.getName());
            DigitClassificationModel model = new DigitClassificationModel(metadata.uid(),
                    SharedNetwork.load(new Path(path, MODEL_FILE).toString(), sc().hadoopConfiguration()));
            metadata.getAndSetParams(model, Option.empty());
            return model;
        }
    }
}
