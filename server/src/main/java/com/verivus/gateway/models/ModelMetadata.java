package com.verivus.gateway.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of one model entry.
 *
 * @param sourceDetail the file path or variable name it came from
 * @param lastSeen YYYY-MM-DD of the newest local history file naming it (observed models only), else null
 */
public record ModelMetadata(ModelSource source, String sourceDetail, Confidence confidence, String lastSeen) {

    public ModelMetadata {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceDetail, "sourceDetail");
        Objects.requireNonNull(confidence, "confidence");
    }

    public ModelMetadata(ModelSource source, String sourceDetail, Confidence confidence) {
        this(source, sourceDetail, confidence, null);
    }

    /** {source, sourceDetail, confidence[, lastSeen]}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", source.json());
        json.put("sourceDetail", sourceDetail);
        json.put("confidence", confidence.json());
        if (lastSeen != null) {
            json.put("lastSeen", lastSeen);
        }
        return json;
    }
}
