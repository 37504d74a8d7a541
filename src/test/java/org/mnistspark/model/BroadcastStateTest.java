package org.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** What a model broadcast holds crosses Spark's Kryo serializer whole, as a user's own Spark program may have set it. */
class BroadcastStateTest {
    @Test
    void theBroadcastPayloadSurvivesSparksKryoSerializer() {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, Hyperparameters.seedRecipe(), 1));
        network.init();
        BroadcastModel.State state = BroadcastModel.State.of(network, 1.25);

        SerializerInstance kryo = new KryoSerializer(new SparkConf()).newInstance();
        ClassTag<BroadcastModel.State> tag = ClassTag$.MODULE$.apply(BroadcastModel.State.class);
        ByteBuffer bytes = kryo.serialize(state, tag);
        BroadcastModel.State back = kryo.deserialize(bytes, tag);

        assertEquals(state.configuration(), back.configuration());
        assertEquals(1.25, back.temperature());
        assertArrayEquals(state.parameters().bytes(), back.parameters().bytes());
    }
}
