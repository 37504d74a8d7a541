package org.mnistspark.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What is stored beside a model's weights: its input shape, how long it trained and on what, the
 * {@link Temperature} its probabilities are read at, and the label smoothing of its training targets,
 * which fine-tuning keeps. Files written before temperatures were fitted have none and read as 1: the
 * network's own softmax; files written before the label smoothing was kept have it null: not known.
 */
public record ModelInfo(InputShape shape, long steps, String trainedOn, Double temperature, Double labelSmoothing) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelInfo {
        temperature = temperature == null ? 1.0 : temperature;
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, not " + temperature);
        }
    }

    /** A model read at its network's own softmax: a checkpoint, or a network no temperature was fitted for. */
    public ModelInfo(InputShape shape, long steps, String trainedOn) {
        this(shape, steps, trainedOn, 1.0, null);
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
