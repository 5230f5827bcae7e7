package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real gateway processes on one PostgreSQL database (a fresh one per test), driven by the MCP
 * SDK's client, spawning the fake CLIs (which append one line per spawn to a shared record file).
 * Requests that should dedup pass {@code createNewSession: true}: a request that continues the active
 * session never dedups.
 */
class FleetE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Both gateways run as one user on one host: the same HOME. (Claude's argv names the generated MCP
     * config under HOME, so gateways whose users' homes differ never dedup claude requests.)
     */
    @TempDir
    Path home;
    @TempDir
    Path shared;

    PostgresTestDatabase database;
    FakeClis fakes;
    Path config;

    @BeforeEach
    void setUp() throws IOException {
        database = PostgresTestDatabase.create();
        fakes = FakeClis.install(shared);
        config = shared.resolve("config.toml");
        Files.writeString(config, "[persistence]\nbackend = \"postgres\"\ndsn = \"" + database.dsn() + "\"\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        // CLI processes a killed gateway left behind
        for (Map<String, Object> r : fakes.records()) {
            ProcessHandle.of(((Number) r.get("pid")).longValue()).ifPresent(ProcessHandle::destroyForcibly);
        }
        database.close();
    }

    private GatewayClient gateway(Path home, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(fakes.env(extra));
        env.put("LLM_GATEWAY_CONFIG", config.toString());
        return GatewayProcess.builder(home).env(env).connect();
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    private static Map<String, Object> json(CallToolResult r) throws IOException {
        return JSON.readValue(text(r), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> body) {
        return (Map<String, Object>) body.get("job");
    }

    private static Map<String, Object> status(GatewayClient gw, String jobId) throws IOException {
        return job(json(gw.call("llm_job_status", Map.of("jobId", jobId))));
    }

    private Map<String, Object> awaitStatus(GatewayClient gw, String jobId, String wanted, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> s = status(gw, jobId);
        while (!wanted.equals(s.get("status")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            s = status(gw, jobId);
        }
        assertThat(s).containsEntry("status", wanted);
        return s;
    }

    private long ownerPid(String jobId) throws Exception {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT owner_pid FROM jobs WHERE id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void fiftyIdenticalRequestsOverTwoGatewaysStartExactlyOneCliProcess() throws Exception {
        try (GatewayClient a = gateway(home, Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "3000"));
             GatewayClient b = gateway(home, Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "3000"))) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    GatewayClient gw = i % 2 == 0 ? a : b;
                    Callable<String> call = () -> (String) job(json(gw.call("claude_request_async",
                            Map.of("prompt", "the same question", "createNewSession", true)))).get("id");
                    ids.add(pool.submit(call));
                }
                Set<String> distinct = new HashSet<>();
                for (Future<String> f : ids) {
                    distinct.add(f.get(120, TimeUnit.SECONDS));
                }
                assertThat(distinct).hasSize(1);
                String jobId = distinct.iterator().next();
                // both gateways see it finish, with the one process's answer
                awaitStatus(a, jobId, "completed", Duration.ofSeconds(30));
                awaitStatus(b, jobId, "completed", Duration.ofSeconds(30));
            } finally {
                pool.shutdownNow();
            }
            assertThat(fakes.records()).hasSize(1);
        }
    }

    @Test
    void aJobRunningOnAIsReadOnBAndASyncCallOnBWakesWhenItFinishes() throws Exception {
        try (GatewayClient a = gateway(home, Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "3000"));
             GatewayClient b = gateway(home, Map.of())) {
            Map<String, Object> health = a.callJson("llm_process_health", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> store = (Map<String, Object>) ((Map<String, Object>) health.get("persistence"))
                    .get("store");
            assertThat(store).containsEntry("backend", "postgres").containsEntry("dsn", database.dsn())
                    .containsKeys("pool", "lease", "listening");

            String jobId = (String) job(json(a.call("claude_request_async", Map.of("prompt", "cross",
                    "createNewSession", true)))).get("id");
            assertThat(status(b, jobId)).containsEntry("status", "running");

            // the identical sync request on B is deduplicated to A's job and answered when it completes
            CallToolResult sync = b.call("claude_request", Map.of("prompt", "cross", "createNewSession", true));
            assertThat(sync.isError()).isFalse();
            assertThat(text(sync)).contains("fake claude answer: cross");
            assertThat(fakes.records()).hasSize(1);

            assertThat(status(b, jobId)).containsEntry("status", "completed").containsEntry("exitCode", 0);
            Map<String, Object> result = json(b.call("llm_job_result", Map.of("jobId", jobId)));
            assertThat(((Map<?, ?>) result.get("result")).get("stdout")).isEqualTo("fake claude answer: cross\n");
        }
    }

    @Test
    void cancelOnBStopsTheProcessTreeOfAJobRunningOnA() throws Exception {
        try (GatewayClient a = gateway(home, Map.of("FAKE_CLI_MODE", "hang"));
             GatewayClient b = gateway(home, Map.of())) {
            String jobId = (String) job(json(a.call("claude_request_async", Map.of("prompt", "forever")))).get("id");
            awaitStatus(b, jobId, "running", Duration.ofSeconds(10));
            long cliPid = awaitCliPid();

            Map<String, Object> canceled = json(b.call("llm_job_cancel", Map.of("jobId", jobId)));
            assertThat(canceled).containsEntry("success", true);

            assertThat(status(a, jobId)).containsEntry("status", "canceled");
            assertThat(status(b, jobId)).containsEntry("status", "canceled");
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (ProcessHandle.of(cliPid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(cliPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the CLI process on A is gone").isFalse();
        }
    }

    @Test
    void aSigkilledGatewaysRunningJobIsOrphanedByTheOtherWithItsPartialOutput() throws Exception {
        try (GatewayClient a = gateway(home, Map.of("FAKE_CLI_MODE", "hang"));
             GatewayClient b = gateway(home, Map.of())) {
            String jobId = (String) job(json(a.call("codex_request_async", Map.of("prompt", "doomed")))).get("id");
            // wait until A flushed the first output line to the database
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String stdout = "";
            while (!stdout.contains("working") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                stdout = String.valueOf(((Map<?, ?>) json(b.call("llm_job_result", Map.of("jobId", jobId)))
                        .get("result")).get("stdout"));
            }
            assertThat(stdout).contains("fake codex is working");
            assertThat(status(b, jobId)).containsEntry("status", "running");

            ProcessHandle gatewayA = ProcessHandle.of(ownerPid(jobId)).orElseThrow();
            new ProcessBuilder("kill", "-KILL", String.valueOf(gatewayA.pid())).start().waitFor();
            gatewayA.onExit().get(20, TimeUnit.SECONDS);

            Map<String, Object> s = status(b, jobId);
            assertThat(s).containsEntry("status", "orphaned");
            Map<String, Object> result = json(b.call("llm_job_result", Map.of("jobId", jobId)));
            assertThat(String.valueOf(((Map<?, ?>) result.get("result")).get("stdout"))).contains("fake codex is working");
        }
    }

    @Test
    void twoLiveGatewaysUnderLoadNeverOrphanEachOthersJobs() throws Exception {
        try (GatewayClient a = gateway(home, Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "2500"));
             GatewayClient b = gateway(home, Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "2500"))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add((String) job(json(a.call("claude_request_async", Map.of("prompt", "a" + i)))).get("id"));
                ids.add((String) job(json(b.call("claude_request_async", Map.of("prompt", "b" + i)))).get("id"));
            }
            // each gateway keeps reading the other's running rows (every read judges the owner's liveness)
            for (String id : ids) {
                assertThat(status(a, id).get("status")).isIn("running", "completed");
                assertThat(status(b, id).get("status")).isIn("running", "completed");
            }
            for (String id : ids) {
                awaitStatus(a, id, "completed", Duration.ofSeconds(60));
            }
            try (Connection c = database.connect();
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT count(*) FILTER (WHERE status = 'orphaned'), count(*) FROM jobs")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("false orphans").isZero();
                assertThat(rs.getInt(2)).isEqualTo(16);
            }
        }
        assertThat(fakes.records()).hasSize(16);
    }

    private long awaitCliPid() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (fakes.records().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(fakes.records()).hasSize(1);
        return ((Number) fakes.records().getFirst().get("pid")).longValue();
    }
}
