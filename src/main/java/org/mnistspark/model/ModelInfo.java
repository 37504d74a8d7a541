package org.mnistspark.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What is stored beside a model's weights: its input shape, how long it trained and on what. */
public record ModelInfo(InputShape shape, long steps, String trainedOn) {
    private static final ObjectMapper JSON = new ObjectMapper();

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
