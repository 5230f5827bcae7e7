package com.verivus.gateway.mcp.tools.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.FileSessionStore;
import com.verivus.gateway.session.SessionStore;
import com.verivus.gateway.testing.MutableClock;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The six session tools and the sessions:// resources, called the way the MCP server calls them. */
class SessionToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    MutableClock clock;
    SessionStore store;
    ToolCatalog catalog;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-05-20T10:11:12.345Z");
        store = new FileSessionStore(dataDir, Duration.ofDays(30), clock);
        catalog = catalog(store);
    }

    private static ToolCatalog catalog(SessionStore store) {
        List<GatewayTool> tools = List.of(new SessionCreateTool(store), new SessionListTool(store),
                new SessionSetActiveTool(store), new SessionDeleteTool(store), new SessionGetTool(store),
                new SessionClearAllTool(store));
        return new ToolCatalog(tools, SessionResource.all(store));
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        GatewayTool t = catalog.tools().stream().filter(x -> x.name().equals(tool)).findFirst().orElseThrow();
        return ToolCatalog.invoke(t, args, null);
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private static JsonNode body(CallToolResult r) throws Exception {
        return JSON.readTree(text(r));
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void createReturnsTheNodeShapeAndActivatesByDefault() throws Exception {
        CallToolResult r = call("session_create", args("cli", "claude", "description", "auth work"));
        assertThat(r.isError()).isFalse();
        assertThat(r.structuredContent()).isNull();
        JsonNode b = body(r);
        String id = b.at("/session/id").asText();
        assertThat(text(r)).isEqualTo("""
                {
                  "success": true,
                  "session": {
                    "id": "%s",
                    "cli": "claude",
                    "description": "auth work",
                    "createdAt": "2026-05-20T10:11:12.345Z",
                    "isActive": true
                  }
                }""".formatted(id));
        assertThat(store.getActive(CliName.CLAUDE).orElseThrow().id()).isEqualTo(id);
    }

    @Test
    void createWithSetAsActiveFalseIsHonouredEvenForTheFirstSession() throws Exception {
        JsonNode b = body(call("session_create", args("cli", "gemini", "setAsActive", false)));
        assertThat(b.at("/session/isActive").asBoolean()).isFalse();
        assertThat(b.at("/session/description").asText()).isEqualTo("Gemini Session");
        assertThat(store.getActive(CliName.GEMINI)).isEmpty();
        JsonNode list = body(call("session_list", args("cli", "gemini")));
        assertThat(list.at("/sessions/0/isActive").asBoolean()).isFalse();
        assertThat(list.at("/activeSessions/gemini").isNull()).isTrue();
    }

    @Test
    void createWithSetAsActiveTrueReplacesTheActiveSession() throws Exception {
        call("session_create", args("cli", "codex"));
        String second = body(call("session_create", args("cli", "codex", "setAsActive", true))).at("/session/id").asText();
        assertThat(store.getActive(CliName.CODEX).orElseThrow().id()).isEqualTo(second);
    }

    @Test
    void createRejectsAnUnknownCliBeforeTouchingTheStore() {
        CallToolResult r = call("session_create", args("cli", "cursor"));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("Input validation error: cli: must be one of claude, codex, gemini, grok, mistral");
        assertThat(dataDir.resolve("sessions.json")).doesNotExist();
    }

    @Test
    void cliIsRequiredWhereTheNodeGatewayRequiresIt() {
        for (String tool : List.of("session_create", "session_set_active")) {
            Map<String, Object> a = tool.equals("session_set_active") ? args("sessionId", null) : args();
            CallToolResult r = call(tool, a);
            assertThat(r.isError()).isTrue();
            assertThat(text(r)).isEqualTo("Input validation error: cli: required");
        }
    }

    @Test
    void listShowsSessionsActiveFlagsAndAllFiveActivePointersWithoutSuccessKey() throws Exception {
        String a = body(call("session_create", args("cli", "claude", "description", "a"))).at("/session/id").asText();
        clock.advance(Duration.ofSeconds(1));
        String b = body(call("session_create", args("cli", "claude", "description", "b", "setAsActive", false)))
                .at("/session/id").asText();
        String m = body(call("session_create", args("cli", "mistral"))).at("/session/id").asText();
        CallToolResult r = call("session_list", args());
        assertThat(text(r)).isEqualTo("""
                {
                  "total": 3,
                  "sessions": [
                    {
                      "id": "%s",
                      "cli": "claude",
                      "description": "a",
                      "createdAt": "2026-05-20T10:11:12.345Z",
                      "lastUsedAt": "2026-05-20T10:11:12.345Z",
                      "isActive": true
                    },
                    {
                      "id": "%s",
                      "cli": "claude",
                      "description": "b",
                      "createdAt": "2026-05-20T10:11:13.345Z",
                      "lastUsedAt": "2026-05-20T10:11:13.345Z",
                      "isActive": false
                    },
                    {
                      "id": "%s",
                      "cli": "mistral",
                      "description": "Mistral Session",
                      "createdAt": "2026-05-20T10:11:13.345Z",
                      "lastUsedAt": "2026-05-20T10:11:13.345Z",
                      "isActive": true
                    }
                  ],
                  "activeSessions": {
                    "claude": "%s",
                    "codex": null,
                    "gemini": null,
                    "grok": null,
                    "mistral": "%s"
                  }
                }""".formatted(a, b, m, a, m));
        JsonNode filtered = body(call("session_list", args("cli", "mistral")));
        assertThat(filtered.get("total").asInt()).isEqualTo(1);
        assertThat(filtered.at("/activeSessions/claude").asText()).as("pointers of every CLI are shown").isEqualTo(a);
    }

    @Test
    void emptyListUsesEmptyJsonArray() {
        assertThat(text(call("session_list", args()))).startsWith("{\n  \"total\": 0,\n  \"sessions\": [],\n");
    }

    @Test
    void setActiveSwitchesClearsAndRejectsForeignOrUnknownSessions() throws Exception {
        String claude = body(call("session_create", args("cli", "claude"))).at("/session/id").asText();
        String codex = body(call("session_create", args("cli", "codex"))).at("/session/id").asText();

        CallToolResult wrongCli = call("session_set_active", args("cli", "claude", "sessionId", codex));
        assertThat(wrongCli.isError()).isTrue();
        assertThat(text(wrongCli)).isEqualTo("""
                {
                  "success": false,
                  "error": "Session not found or does not belong to the specified CLI"
                }""");
        assertThat(call("session_set_active", args("cli", "claude", "sessionId", "nope")).isError()).isTrue();

        CallToolResult cleared = call("session_set_active", args("cli", "claude", "sessionId", null));
        assertThat(text(cleared)).isEqualTo("""
                {
                  "success": true,
                  "cli": "claude",
                  "activeSessionId": null
                }""");
        assertThat(store.getActive(CliName.CLAUDE)).isEmpty();

        JsonNode set = body(call("session_set_active", args("cli", "claude", "sessionId", claude)));
        assertThat(set.get("activeSessionId").asText()).isEqualTo(claude);
        assertThat(store.getActive(CliName.CLAUDE).orElseThrow().id()).isEqualTo(claude);

        assertThat(body(call("session_set_active", args("cli", "claude", "sessionId", ""))).get("activeSessionId").isNull())
                .as("\"\" clears like null").isTrue();
    }

    @Test
    void setActiveRequiresTheSessionIdKey() {
        CallToolResult r = call("session_set_active", args("cli", "claude"));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo("Input validation error: sessionId: required");
    }

    @Test
    void getReturnsTheFullSessionIncludingMetadataAndIsActive() throws Exception {
        String id = body(call("session_create", args("cli", "codex", "description", "x"))).at("/session/id").asText();
        store.updateMetadata(id, Map.of("codexThreadId", "thread-9"));
        CallToolResult r = call("session_get", args("sessionId", id));
        assertThat(text(r)).isEqualTo("""
                {
                  "success": true,
                  "session": {
                    "id": "%s",
                    "cli": "codex",
                    "createdAt": "2026-05-20T10:11:12.345Z",
                    "lastUsedAt": "2026-05-20T10:11:12.345Z",
                    "description": "x",
                    "metadata": {
                      "codexThreadId": "thread-9"
                    },
                    "isActive": true
                  }
                }""".formatted(id));
    }

    @Test
    void getAndDeleteOfAnUnknownSessionAreNotFoundErrors() {
        for (String tool : List.of("session_get", "session_delete")) {
            CallToolResult r = call(tool, args("sessionId", "missing"));
            assertThat(r.isError()).isTrue();
            assertThat(text(r)).isEqualTo("{\n  \"success\": false,\n  \"error\": \"Session not found\"\n}");
        }
    }

    @Test
    void getOfAnExpiredSessionIsNotFound() {
        String id = store.create(CliName.GROK, "g").id();
        clock.advance(Duration.ofDays(31));
        assertThat(call("session_get", args("sessionId", id)).isError()).isTrue();
    }

    @Test
    void deleteReportsTheDeletedSessionAndClearsItsActivePointer() throws Exception {
        String id = body(call("session_create", args("cli", "grok", "description", "g"))).at("/session/id").asText();
        CallToolResult r = call("session_delete", args("sessionId", id));
        assertThat(r.isError()).isFalse();
        assertThat(text(r)).isEqualTo("""
                {
                  "success": true,
                  "deletedSession": {
                    "id": "%s",
                    "cli": "grok",
                    "description": "g"
                  }
                }""".formatted(id));
        assertThat(store.getActive(CliName.GROK)).isEmpty();
    }

    @Test
    void clearAllCountsAndNamesItsScope() throws Exception {
        call("session_create", args("cli", "claude"));
        call("session_create", args("cli", "claude"));
        call("session_create", args("cli", "codex"));
        assertThat(text(call("session_clear_all", args("cli", "claude")))).isEqualTo("""
                {
                  "success": true,
                  "deletedCount": 2,
                  "cli": "claude"
                }""");
        JsonNode all = body(call("session_clear_all", args()));
        assertThat(all.get("deletedCount").asInt()).isEqualTo(1);
        assertThat(all.get("cli").asText()).isEqualTo("all");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void storageFailuresBecomeSpawnErrorResultsNamedForTheTool() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("blocker"), "x");
        ToolCatalog broken = catalog(new FileSessionStore(notADirectory.resolve("data"), Duration.ofDays(1), clock));
        for (GatewayTool tool : broken.tools()) {
            Map<String, Object> a = switch (tool.name()) {
                case "session_create" -> args("cli", "claude");
                case "session_set_active" -> args("cli", "claude", "sessionId", null);
                case "session_get", "session_delete" -> args("sessionId", "x");
                default -> args();
            };
            CallToolResult r = ToolCatalog.invoke(tool, a, null);
            assertThat(r.isError()).as(tool.name()).isTrue();
            assertThat(text(r)).as(tool.name()).startsWith("Error executing " + tool.name() + " CLI:\n");
            @SuppressWarnings("unchecked")
            Map<String, Object> sc = (Map<String, Object>) r.structuredContent();
            assertThat(sc).containsEntry("correlationId", null).containsEntry("cli", tool.name())
                    .containsEntry("exitCode", 1).containsEntry("errorCategory", "spawn_error").hasSize(4);
        }
    }

    @Test
    void everyToolAndParameterIsDescribedForAModel() {
        for (GatewayTool tool : catalog.tools()) {
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(60);
            tool.inputSchema().params().forEach(p -> assertThat(p.description()).as(tool.name() + "." + p.name())
                    .hasSizeGreaterThan(20));
        }
        assertThat(catalog.tools()).extracting(GatewayTool::name).containsExactly("session_create", "session_list",
                "session_set_active", "session_delete", "session_get", "session_clear_all");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(McpSchema.Tool tool, String name) {
        return (Map<String, Object>) ((Map<String, Object>) tool.inputSchema().get("properties")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sdkToolSpecificationsCarryTheParameterSchemas() {
        Map<String, McpSchema.Tool> tools = new HashMap<>();
        catalog.toolSpecifications().forEach(spec -> tools.put(spec.tool().name(), spec.tool()));
        Map<String, Object> setActive = tools.get("session_set_active").inputSchema();
        assertThat((List<String>) setActive.get("required")).containsExactly("cli", "sessionId");
        assertThat(property(tools.get("session_set_active"), "sessionId"))
                .containsEntry("anyOf", List.of(Map.of("type", "string"), Map.of("type", "null")));
        assertThat(property(tools.get("session_create"), "setAsActive"))
                .containsEntry("type", "boolean").containsEntry("default", true);
        assertThat(property(tools.get("session_list"), "cli")).containsEntry("enum", CliName.keys());
        assertThat(tools.get("session_list").annotations().readOnlyHint()).isTrue();
        assertThat(tools.get("session_delete").annotations()).isNull();
    }

    @Test
    void resourcesHaveTheNodeNamesTitlesAndUris() {
        assertThat(catalog.resources()).extracting(GatewayResource::uri).containsExactly("sessions://all",
                "sessions://claude", "sessions://codex", "sessions://gemini", "sessions://grok", "sessions://mistral");
        assertThat(catalog.resources()).extracting(GatewayResource::name).containsExactly("all-sessions",
                "claude-sessions", "codex-sessions", "gemini-sessions", "grok-sessions", "mistral-sessions");
        assertThat(catalog.resources()).extracting(GatewayResource::title).containsExactly("📋 All Sessions",
                "🤖 Claude Sessions", "💻 Codex Sessions", "✨ Gemini Sessions", "⚡ Grok Sessions", "🌬 Mistral Sessions");
        assertThat(catalog.resources()).extracting(GatewayResource::mimeType).containsOnly("application/json");
    }

    private JsonNode readResource(String uri) throws Exception {
        SyncResourceSpecification spec = catalog.resourceSpecifications().stream()
                .filter(s -> s.resource().uri().equals(uri)).findFirst().orElseThrow();
        McpSchema.ReadResourceResult result = spec.readHandler().apply(null, new McpSchema.ReadResourceRequest(uri));
        TextResourceContents contents = (TextResourceContents) result.contents().get(0);
        assertThat(contents.mimeType()).isEqualTo("application/json");
        return JSON.readTree(contents.text());
    }

    @Test
    void allSessionsResourceListsSummariesAndActivePointers() throws Exception {
        String claude = store.create(CliName.CLAUDE, "c").id();
        store.updateMetadata(claude, Map.of("k", "v"));
        String grok = store.create(CliName.GROK, null, null, SessionStore.Activation.NEVER).id();
        JsonNode all = readResource("sessions://all");
        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(all.at("/sessions/0").properties()).extracting(Map.Entry::getKey)
                .containsExactly("id", "cli", "description", "createdAt", "lastUsedAt");
        assertThat(all.at("/sessions/1/id").asText()).isEqualTo(grok);
        assertThat(all.at("/activeSessions/claude").asText()).isEqualTo(claude);
        assertThat(all.at("/activeSessions/grok").isNull()).isTrue();
        assertThat(all.get("activeSessions").size()).isEqualTo(5);
    }

    @Test
    void perCliResourceListsFullSessionsAndItsActiveSession() throws Exception {
        String codex = store.create(CliName.CODEX, "x").id();
        store.updateMetadata(codex, Map.of("codexThreadId", "t"));
        store.create(CliName.CLAUDE, "other");
        JsonNode r = readResource("sessions://codex");
        assertThat(r.properties()).extracting(Map.Entry::getKey).containsExactly("cli", "total", "sessions", "activeSession");
        assertThat(r.get("cli").asText()).isEqualTo("codex");
        assertThat(r.get("total").asInt()).isEqualTo(1);
        assertThat(r.at("/sessions/0/metadata/codexThreadId").asText()).isEqualTo("t");
        assertThat(r.get("activeSession").asText()).isEqualTo(codex);
        JsonNode mistral = readResource("sessions://mistral");
        assertThat(mistral.get("total").asInt()).isZero();
        assertThat(mistral.get("activeSession").isNull()).isTrue();
    }
}
