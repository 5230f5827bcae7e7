package com.verivus.gateway.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.provider.CliName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of sessions.json as a JSON tree: {@code {"sessions": {id: session}, "activeSession":
 * {cli: id|null}}}. Kept as a tree so that whatever this version does not understand (unknown
 * fields, sessions of CLIs it does not know, other top-level keys) is written back unchanged.
 */
final class SessionDocument {

    static final ObjectMapper JSON = NodeJson.STRICT;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectNode root;
    private final ObjectNode sessions;
    private final ObjectNode active;
    private boolean changed;

    private SessionDocument(ObjectNode root, ObjectNode sessions, ObjectNode active) {
        this.root = root;
        this.sessions = sessions;
        this.active = active;
    }

    static SessionDocument empty() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode sessions = root.putObject("sessions");
        ObjectNode active = root.putObject("activeSession");
        for (CliName cli : CliName.values()) {
            active.putNull(cli.key());
        }
        return new SessionDocument(root, sessions, active);
    }

    /** Parses the file content; a {@link Corrupt} exception when it is not a sessions document. */
    static SessionDocument parse(String text) throws Corrupt {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Corrupt("not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new Corrupt("the file is empty");
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new Corrupt("the top level is not a JSON object");
        }
        JsonNode sessions = root.get("sessions");
        if (sessions == null || sessions.isNull()) {
            sessions = root.putObject("sessions");
        } else if (!sessions.isObject()) {
            throw new Corrupt("\"sessions\" is not a JSON object");
        }
        JsonNode active = root.get("activeSession");
        if (active == null || active.isNull()) {
            active = root.putObject("activeSession");
        } else if (!active.isObject()) {
            throw new Corrupt("\"activeSession\" is not a JSON object");
        }
        ObjectNode activeObject = (ObjectNode) active;
        for (CliName cli : CliName.values()) {
            if (!activeObject.has(cli.key())) {
                activeObject.putNull(cli.key());
            }
        }
        return new SessionDocument(root, (ObjectNode) sessions, activeObject);
    }

    /** 2-space indented JSON exactly as JSON.stringify(storage, null, 2) writes it. */
    String render() {
        return NodeJson.pretty(root);
    }

    boolean changed() {
        return changed;
    }

    /** Sessions of the known CLIs, in file order. Entries this version cannot read are skipped. */
    List<Session> sessions() {
        List<Session> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : sessions.properties()) {
            read(e.getKey(), e.getValue()).ifPresent(out::add);
        }
        return out;
    }

    Optional<Session> session(String id) {
        JsonNode node = sessions.get(id);
        return node == null ? Optional.empty() : read(id, node);
    }

    void put(Session session) {
        sessions.set(session.id(), JSON.valueToTree(session.toJson()));
        changed = true;
    }

    /** Removes the session and clears the active pointer that named it. */
    boolean remove(String id) {
        Optional<Session> existing = session(id);
        if (existing.isEmpty()) {
            return false;
        }
        sessions.remove(id);
        if (id.equals(activeId(existing.get().cli()))) {
            setActive(existing.get().cli(), null);
        }
        changed = true;
        return true;
    }

    /** Removes every entry, including ones of CLIs this version does not know; returns how many. */
    int removeAll() {
        int count = sessions.size();
        sessions.removeAll();
        List<String> keys = new ArrayList<>();
        active.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!active.get(key).isNull()) {
                active.putNull(key);
                changed = true;
            }
        }
        if (count > 0) {
            changed = true;
        }
        return count;
    }

    /** The pointer as stored (null when none or not a string); it may name a missing or expired session. */
    String activeId(CliName cli) {
        JsonNode node = active.get(cli.key());
        return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    void setActive(CliName cli, String id) {
        JsonNode current = active.get(cli.key());
        boolean same = id == null ? current == null || current.isNull() : current != null && id.equals(current.asText(null));
        if (!same) {
            if (id == null) {
                active.putNull(cli.key());
            } else {
                active.put(cli.key(), id);
            }
            changed = true;
        }
    }

    private static Optional<Session> read(String key, JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return Optional.empty();
        }
        Optional<CliName> cli = CliName.fromKey(text(object, "cli"));
        if (cli.isEmpty()) {
            return Optional.empty();
        }
        String id = text(object, "id");
        Map<String, Object> metadata = null;
        Map<String, Object> others = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            switch (e.getKey()) {
                case "id", "cli", "createdAt", "lastUsedAt", "description" -> {
                    if (!e.getValue().isTextual()) {
                        others.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
                    }
                }
                case "metadata" -> {
                    if (e.getValue().isObject()) {
                        metadata = JSON.convertValue(e.getValue(), MAP);
                    } else {
                        others.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
                    }
                }
                default -> others.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
            }
        }
        return Optional.of(new Session(id == null ? key : id, cli.get(), text(object, "createdAt"),
                text(object, "lastUsedAt"), text(object, "description"), metadata, others));
    }

    private static String text(ObjectNode object, String field) {
        JsonNode v = object.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** The file is not a sessions document. */
    static final class Corrupt extends Exception {
        Corrupt(String message) {
            super(message);
        }
    }
}
