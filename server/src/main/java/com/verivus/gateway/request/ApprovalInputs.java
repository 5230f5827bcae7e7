package com.verivus.gateway.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the approval gate scores for one CLI (§10.1): whether the request asks to skip permission
 * prompts, whether it asks for Codex full-auto, and the metadata recorded with the decision.
 */
public record ApprovalInputs(boolean bypassRequested, boolean fullAuto, Map<String, Object> metadata) {

    public ApprovalInputs {
        // LinkedHashMap: the model may be null, and the record keeps the Node gateway's key order
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** {@code {model}} plus the extra entries, in order. */
    static Map<String, Object> metadata(String model, Object... extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            m.put((String) extra[i], extra[i + 1]);
        }
        return m;
    }
}
