package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.TcpProxy;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server goes away while a real gateway runs (a TCP proxy in front of the shared
 * server is taken down) and comes back: requests fail with a clear error meanwhile, the gateway
 * recovers by itself, and a job that completed during the outage reaches the database afterwards.
 */
class DatabaseOutageE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path tools;

    @Test
    void requestsFailClearlyWhileTheDatabaseIsAwayAndNothingCompletedIsLost() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             TcpProxy proxy = new TcpProxy(PostgresTestDatabase.HOST, PostgresTestDatabase.PORT)) {
            Path config = tools.resolve("config.toml");
            Files.writeString(config, "[persistence]\nbackend = \"postgres\"\ndsn = \"postgresql://"
                    + PostgresTestDatabase.USER + "@127.0.0.1:" + proxy.port() + "/" + database.name() + "\"\n");
            Map<String, String> env = new HashMap<>(fakes.env(Map.of("FAKE_CLI_MODE", "slow",
                    "FAKE_CLI_SLEEP_MS", "3000")));
            env.put("LLM_GATEWAY_CONFIG", config.toString());
            try (GatewayClient gw = GatewayProcess.builder(home).env(env).connect()) {
                String running = jobId(gw.call("claude_request_async", Map.of("prompt", "spans the outage",
                        "createNewSession", true)));

                proxy.stop();
                CallToolResult refused = gw.call("claude_request_async", Map.of("prompt", "during",
                        "createNewSession", true));
                assertThat(refused.isError()).isTrue();
                // the session bookkeeping or the job store meets the outage first; either names it and the database
                assertThat(text(refused)).containsAnyOf("The job store is unavailable, so the request was not run",
                        "The session store is unavailable").contains("postgresql://" + PostgresTestDatabase.USER
                        + "@127.0.0.1:" + proxy.port() + "/" + database.name());

                // the job that was running finishes while the database is away; the gateway still knows it
                awaitStatus(gw, running, "completed");

                proxy.start();
                CallToolResult after = gw.call("claude_request_async", Map.of("prompt", "after",
                        "createNewSession", true));
                assertThat(after.isError()).as(text(after)).isFalse();
                String afterId = jobId(after);
                awaitStatus(gw, afterId, "completed");

                // the final write refused during the outage is retried until it lands; the other job's final
                // write follows its in-memory completion (what llm_job_status saw) by a moment
                assertThat(awaitRowStatus(database, running, "completed")).isEqualTo("completed");
                assertThat(awaitRowStatus(database, afterId, "completed")).isEqualTo("completed");
                assertThat(fakes.records()).hasSize(2);
            }
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedAtStartUpIsFatalWithExit1AndNoPasswordShown() throws Exception {
        try (TcpProxy proxy = new TcpProxy(PostgresTestDatabase.HOST, PostgresTestDatabase.PORT)) {
            proxy.stop(); // a port whose server drops every connection
            Path config = tools.resolve("config.toml");
            Files.writeString(config, "[persistence]\nbackend = \"postgres\"\ndsn = \"postgresql://gw:hunter2@127.0.0.1:"
                    + proxy.port() + "/jobs\"\n");
            try (GatewayProcess gw = GatewayProcess.builder(home).env("LLM_GATEWAY_CONFIG", config.toString()).start()) {
                assertThat(gw.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(gw.stderr()).contains("Fatal server error: Cannot connect to PostgreSQL at postgresql://gw:***@127.0.0.1:"
                        + proxy.port() + "/jobs").doesNotContain("hunter2");
                assertThat(gw.stdoutLines()).isEmpty();
            }
        }
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    @SuppressWarnings("unchecked")
    private static String jobId(CallToolResult r) throws Exception {
        Map<String, Object> body = JSON.readValue(text(r), new TypeReference<>() { });
        return (String) ((Map<String, Object>) body.get("job")).get("id");
    }

    @SuppressWarnings("unchecked")
    private static void awaitStatus(GatewayClient gw, String jobId, String wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = null;
        while (System.nanoTime() < deadline) {
            Map<String, Object> body = JSON.readValue(text(gw.call("llm_job_status", Map.of("jobId", jobId))),
                    new TypeReference<>() { });
            status = (String) ((Map<String, Object>) body.get("job")).get("status");
            if (wanted.equals(status)) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo(wanted);
    }

    /** The job row's status once it is the wanted one, or as it is after 30 s. */
    private static String awaitRowStatus(PostgresTestDatabase database, String id, String wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String stored = rowStatus(database, id);
        while (!wanted.equals(stored) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            stored = rowStatus(database, id);
        }
        return stored;
    }

    private static String rowStatus(PostgresTestDatabase database, String id) throws Exception {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM jobs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
