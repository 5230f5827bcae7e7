package com.verivus.gateway.mcp.jsonrpc;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities.Elicitation;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities.RootCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities.Sampling;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the params of {@code initialize} into the SDK's {@link InitializeRequest}. In a fresh JVM, Jackson's
 * first conversion into that record builds readers for it and the records under it (their annotations, creators
 * and properties): ~25 ms of CPU on the path to a client's first answer. The shapes clients send (a protocol
 * version; {@code roots}, {@code sampling}, {@code elicitation} capabilities; a client name, title, version,
 * description and website, as Claude Code sends them) are read here directly into the records Jackson would
 * make of them; anything else (another field, another type, a null, icons, experimental capabilities) goes to
 * Jackson as before. {@code InitializeParamsTest} checks that both give equal records.
 */
public final class InitializeParams {

    static final TypeRef<InitializeRequest> TYPE = new TypeRef<>() {
    };

    private static final Set<String> REQUEST_FIELDS = Set.of("protocolVersion", "capabilities", "clientInfo");
    private static final Set<String> CAPABILITY_FIELDS = Set.of("roots", "sampling", "elicitation");
    private static final Set<String> ROOTS_FIELDS = Set.of("listChanged");
    private static final Set<String> CLIENT_FIELDS = Set.of("name", "title", "version", "description", "websiteUrl");

    private InitializeParams() {
    }

    /** The request {@code params} (an untyped value: maps, lists, strings, numbers) stand for; as Jackson reads them. */
    public static InitializeRequest read(Object params, McpJsonMapper mapper) {
        return common(params).orElseGet(() -> mapper.convertValue(params, TYPE));
    }

    /** The request, when {@code params} have one of the shapes read here; empty for Jackson to read them. */
    static Optional<InitializeRequest> common(Object params) {
        if (!(params instanceof Map<?, ?> request) || !REQUEST_FIELDS.equals(request.keySet())
                || !(request.get("protocolVersion") instanceof String version)) {
            return Optional.empty();
        }
        Optional<ClientCapabilities> capabilities = capabilities(request.get("capabilities"));
        Optional<Implementation> client = client(request.get("clientInfo"));
        if (capabilities.isEmpty() || client.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InitializeRequest(version, capabilities.get(), client.get(), null));
    }

    private static Optional<ClientCapabilities> capabilities(Object value) {
        if (!(value instanceof Map<?, ?> map) || !CAPABILITY_FIELDS.containsAll(map.keySet())) {
            return Optional.empty();
        }
        RootCapabilities roots = null;
        if (map.containsKey("roots")) {
            if (!(map.get("roots") instanceof Map<?, ?> r) || !ROOTS_FIELDS.containsAll(r.keySet())) {
                return Optional.empty();
            }
            Object listChanged = r.get("listChanged");
            if (r.containsKey("listChanged") && !(listChanged instanceof Boolean)) {
                return Optional.empty();
            }
            roots = new RootCapabilities((Boolean) listChanged);
        }
        Sampling sampling = null;
        if (map.containsKey("sampling")) {
            if (!isEmptyObject(map.get("sampling"))) {
                return Optional.empty();
            }
            sampling = new Sampling();
        }
        Elicitation elicitation = null;
        if (map.containsKey("elicitation")) {
            if (!isEmptyObject(map.get("elicitation"))) {
                return Optional.empty();
            }
            elicitation = new Elicitation(null, null);
        }
        return Optional.of(new ClientCapabilities(null, roots, sampling, elicitation, null));
    }

    private static Optional<Implementation> client(Object value) {
        if (!(value instanceof Map<?, ?> map) || !CLIENT_FIELDS.containsAll(map.keySet())
                || !(map.get("name") instanceof String name) || !(map.get("version") instanceof String version)) {
            return Optional.empty();
        }
        for (String optional : List.of("title", "description", "websiteUrl")) {
            if (map.containsKey(optional) && !(map.get(optional) instanceof String)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Implementation(name, (String) map.get("title"), version, (String) map.get("description"),
                null, (String) map.get("websiteUrl")));
    }

    private static boolean isEmptyObject(Object value) {
        return value instanceof Map<?, ?> map && map.isEmpty();
    }
}
