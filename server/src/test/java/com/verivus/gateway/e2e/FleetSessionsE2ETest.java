package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Sessions shared by two real gateways through PostgreSQL + Redis (DATABASE_URL + REDIS_URL, the
 * Node gateway's variables), after {@code gateway migrate-sessions} copied an existing sessions.json.
 */
class FleetSessionsE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void migratedAndNewSessionsAreSharedByTwoGatewaysThroughPostgresAndRedis() throws Exception {
        String prefix = "e2e-" + UUID.randomUUID() + ":";
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            Path data = Files.createDirectories(home.resolve(".llm-cli-gateway"));
            Files.writeString(data.resolve("sessions.json"), """
                    {
                      "sessions": {
                        "c-1": {"id": "c-1", "cli": "claude", "createdAt": "2026-11-01T10:00:00.000Z",
                                "lastUsedAt": "2026-12-01T10:00:00.000Z", "description": "from Node"},
                        "g-1": {"id": "g-1", "cli": "grok", "createdAt": "2026-11-02T10:00:00.000Z",
                                "lastUsedAt": "2026-12-02T10:00:00.000Z", "description": "grok one",
                                "metadata": {"k": "v"}}
                      },
                      "activeSession": {"claude": "c-1", "codex": null, "gemini": null, "grok": "g-1", "mistral": null}
                    }
                    """);
            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", database.dsn());
            env.put("REDIS_URL", "redis://127.0.0.1:6379");
            env.put("LLM_GATEWAY_REDIS_PREFIX", prefix);
            env.put("SESSION_TTL", String.valueOf(Duration.ofDays(3650).toSeconds()));

            for (int run = 0; run < 2; run++) { // the second run proves it idempotent
                try (GatewayProcess migrate = GatewayProcess.builder(home).env(env).args("migrate-sessions").start()) {
                    assertThat(migrate.awaitExit(Duration.ofSeconds(60))).as(migrate.stderr()).isZero();
                    assertThat(migrate.stdoutLines().stream().map(GatewayProcess.Line::text).toList())
                            .anySatisfy(l -> assertThat(l).startsWith("Migrated 2 session(s) and 2 active pointer(s)"));
                }
            }
            try (Connection c = database.connect(); ResultSet rs = c.createStatement()
                    .executeQuery("SELECT count(*), max(metadata::text) FILTER (WHERE id = 'g-1') FROM sessions")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getString(2)).isEqualTo("{\"k\": \"v\"}");
            }

            try (GatewayClient a = GatewayProcess.builder(home).env(env).connect();
                 GatewayClient b = GatewayProcess.builder(home).env(env).connect()) {
                Map<String, Object> listed = a.callJson("session_list", Map.of());
                assertThat(ids(listed)).contains("c-1", "g-1");

                Map<String, Object> created = a.callJson("session_create", Map.of("cli", "mistral",
                        "description", "made on A"));
                @SuppressWarnings("unchecked")
                String mistralId = (String) ((Map<String, Object>) created.get("session")).get("id");
                Map<String, Object> got = b.callJson("session_get", Map.of("sessionId", mistralId));
                assertThat(got.toString()).contains("made on A");

                assertThat(b.callJson("session_set_active", Map.of("cli", "grok", "sessionId", "g-1")))
                        .containsEntry("success", true);
                assertThat(b.callJson("session_clear_all", Map.of())).containsEntry("success", true);
                assertThat(ids(a.callJson("session_list", Map.of()))).isEmpty();

                TextResourceContents health = (TextResourceContents) a.mcp()
                        .readResource(new ReadResourceRequest("health://status")).contents().getFirst();
                Map<String, Object> status = JSON.readValue(health.text(), new TypeReference<>() { });
                assertThat(status).containsEntry("status", "healthy").containsEntry("sessions", "postgres+redis");
                assertThat(status.get("redis").toString()).contains("status=up").contains("latencyMs");
                assertThat(status.get("postgres").toString()).contains("status=up");
            }
        } finally {
            try (JedisPool pool = new JedisPool("redis://127.0.0.1:6379"); Jedis r = pool.getResource()) {
                Set<String> keys = r.keys(prefix + "*");
                if (!keys.isEmpty()) {
                    r.del(keys.toArray(String[]::new));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> ids(Map<String, Object> listed) {
        return ((List<Map<String, Object>>) listed.get("sessions")).stream().map(s -> (String) s.get("id"))
                .collect(Collectors.toSet());
    }
}
