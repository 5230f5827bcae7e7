package com.verivus.gateway.session;

import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.provider.CliName;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One conversation session as sessions.json stores it. Timestamps are kept as the exact strings
 * of the file (ISO-8601 with milliseconds, as the Node gateway writes them), so a file loads and
 * saves without its values changing.
 *
 * @param description null when the stored session has none
 * @param metadata null when the stored session has no metadata object; provider adapters keep
 *                 per-session facts here (e.g. the real Codex thread id)
 * @param otherFields fields this version does not know, written back unchanged
 */
public record Session(String id, CliName cli, String createdAt, String lastUsedAt, String description,
                      Map<String, Object> metadata, Map<String, Object> otherFields) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cli, "cli");
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        otherFields = otherFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
    }

    /** When the session was last used, or empty when the stored value is not a timestamp (then it counts as expired). */
    public Optional<Instant> lastUsed() {
        return IsoTimestamps.parseLenient(lastUsedAt);
    }

    /** The metadata, or an empty map when there is none. */
    public Map<String, Object> metadataOrEmpty() {
        return metadata == null ? Map.of() : metadata;
    }

    Session withLastUsedAt(String timestamp) {
        return new Session(id, cli, createdAt, timestamp, description, metadata, otherFields);
    }

    /** A shallow merge: keys of {@code update} replace the same keys, others stay. */
    Session withMetadataMerged(Map<String, Object> update) {
        Map<String, Object> merged = new LinkedHashMap<>(metadataOrEmpty());
        merged.putAll(update);
        Map<String, Object> others = new LinkedHashMap<>(otherFields);
        others.remove("metadata"); // a non-object metadata value read from the file is replaced
        return new Session(id, cli, createdAt, lastUsedAt, description, merged, others);
    }

    /**
     * The session as a JSON object, in the Node gateway's key order: id, cli, createdAt, lastUsedAt,
     * description, metadata, then any unknown fields. Absent values are left out, as JSON.stringify
     * leaves out undefined.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("cli", cli.key());
        putIfPresent(json, "createdAt", createdAt);
        putIfPresent(json, "lastUsedAt", lastUsedAt);
        putIfPresent(json, "description", description);
        putIfPresent(json, "metadata", metadata);
        otherFields.forEach(json::putIfAbsent);
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
