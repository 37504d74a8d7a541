package org.mnistspark.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What is stored beside a model's weights: its input shape, how long it trained and on what, the
 * {@link Temperature} its probabilities are read at, the label smoothing of its training targets,
 * which fine-tuning keeps, and whether it reads IDX digits {@code upright} (their slant removed, as
 * scans' is), which evaluation and fine-tuning keep. Files written before temperatures were fitted
 * have none and read as 1: the network's own softmax; files written before the label smoothing was
 * kept have it null: not known; files written before upright digits read them as they are.
 */
public record ModelInfo(InputShape shape, long steps, String trainedOn, Double temperature, Double labelSmoothing, boolean upright) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelInfo {
        temperature = temperature == null ? 1.0 : temperature;
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, not " + temperature);
        }
    }

    /** A model read at its network's own softmax, IDX digits as they are: a network no temperature was fitted for. */
    public ModelInfo(InputShape shape, long steps, String trainedOn) {
        this(shape, steps, trainedOn, 1.0, null, false);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ModelInfo fromJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, ModelInfo.class);
    }
}
