package com.verivus.gateway.changereview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.store.ReceiptStore;
import com.verivus.gateway.store.StoredReceipt;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Reads a stored receipt by id or review-receipt:// URI and checks that its body is the one written. */
public final class ReceiptLookup {

    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private final ReceiptStore store;

    public ReceiptLookup(ReceiptStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The id in a receipt id or URI. @throws IllegalArgumentException when it is neither */
    public static String id(String idOrUri) {
        String id = idOrUri.startsWith(ReviewReceipt.URI_PREFIX)
                ? idOrUri.substring(ReviewReceipt.URI_PREFIX.length()) : idOrUri;
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + idOrUri + "' is not a review receipt id (a UUID, or "
                    + ReviewReceipt.URI_PREFIX + "<uuid>) as review_changes returns it");
        }
    }

    /**
     * The receipt's body, with {@code bodySha256} and {@code intact} (the stored hash matches the body).
     *
     * @throws IllegalArgumentException when no receipt has this id
     */
    public Map<String, Object> read(String idOrUri) {
        String id = id(idOrUri);
        StoredReceipt stored = store.findReceipt(id).orElseThrow(() -> new IllegalArgumentException(
                "No review receipt " + id + " in this gateway's job store. Receipts are kept in the store that was "
                        + "configured when review_changes ran (a gateway without a durable store keeps them only "
                        + "until it exits)."));
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            out.put("receipt", JSON.readValue(stored.body(), new TypeReference<LinkedHashMap<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("review receipt " + id + " is not readable JSON: " + e.getMessage(), e);
        }
        out.put("bodySha256", stored.bodySha256());
        out.put("intact", stored.bodySha256().equals(
                ChangeSetCapture.sha256(stored.body().getBytes(StandardCharsets.UTF_8))));
        return out;
    }
}
