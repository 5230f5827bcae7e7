package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill points: the real gateway is SIGKILLed at 20 random moments while 20 async jobs run (a fake CLI that
 * prints a line every 150 ms), and restarted on the same logs.db each time. Every job whose id reached the
 * client must then be completed with its whole output, or orphaned with a prefix of it: none lost, none left
 * running.
 */
class KillPointE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 20;
    private static final int JOBS_PER_ROUND = 20;
    private static final int TICKS = 8;
    private static final long SEED = 20261203L;

    @TempDir
    Path home;
    @TempDir
    Path tools;

    private FakeClis fakes;

    @AfterEach
    void killStrayClis() {
        // a SIGKILLed gateway cannot stop its CLIs; these are the fakes it started
        if (fakes != null) {
            fakes.records().forEach(r -> ProcessHandle.of(((Number) r.get("pid")).longValue())
                    .ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void everyAcknowledgedJobIsCompletedOrOrphanedWithItsOutputAfterTwentySigkills() throws Exception {
        fakes = FakeClis.install(tools);
        Map<String, String> env = fakes.env(Map.of("FAKE_CLI_MODE", "tick", "FAKE_CLI_TICKS", String.valueOf(TICKS),
                "FAKE_CLI_TICK_MS", "150"));
        Random random = new Random(SEED);
        Map<String, String> acknowledged = new LinkedHashMap<>(); // job id -> prompt
        for (int round = 0; round < ROUNDS; round++) {
            long killAfterMs = 300 + random.nextInt(2200);
            acknowledged.putAll(runAndKill(env, round, killAfterMs));
        }
        assertThat(acknowledged).hasSizeGreaterThan(ROUNDS * JOBS_PER_ROUND / 4);

        int completed = 0;
        int orphaned = 0;
        int orphanedWithOutput = 0;
        List<String> problems = new ArrayList<>();
        try (GatewayClient gw = GatewayProcess.builder(home).env(env).connect()) {
            for (Map.Entry<String, String> job : acknowledged.entrySet()) {
                Map<String, Object> body = gw.callJson("llm_job_result", Map.of("jobId", job.getKey()));
                @SuppressWarnings("unchecked")
                Map<String, Object> result = (Map<String, Object>) body.get("result");
                if (result == null) {
                    problems.add(job.getKey() + " lost: " + body);
                    continue;
                }
                String status = (String) result.get("status");
                String stdout = (String) result.get("stdout");
                String whole = fullOutput(job.getValue());
                switch (status) {
                    case "completed" -> {
                        completed++;
                        if (!whole.equals(stdout)) {
                            problems.add(job.getKey() + " completed with " + stdout);
                        }
                    }
                    case "orphaned" -> {
                        orphaned++;
                        orphanedWithOutput += stdout.isEmpty() ? 0 : 1;
                        if (!whole.startsWith(stdout)) {
                            problems.add(job.getKey() + " orphaned with " + stdout);
                        }
                    }
                    default -> problems.add(job.getKey() + " is " + status);
                }
            }
        }
        System.err.printf("kill points: %d rounds, %d jobs acknowledged, %d completed, %d orphaned (%d with partial "
                + "output), %d problems%n", ROUNDS, acknowledged.size(), completed, orphaned, orphanedWithOutput,
                problems.size());
        assertThat(problems).isEmpty();
        assertThat(completed + orphaned).isEqualTo(acknowledged.size());
        assertThat(orphaned).isPositive();
    }

    /** What a finished run prints: the ticks, then the fake's answer. */
    private static String fullOutput(String prompt) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < TICKS; i++) {
            out.append("tick ").append(i).append('\n');
        }
        return out.append("fake claude answer: ").append(prompt).append('\n').toString();
    }

    /** Starts a gateway, submits the round's jobs at once, SIGKILLs it; returns the job ids the client got. */
    private Map<String, String> runAndKill(Map<String, String> env, int round, long killAfterMs) throws Exception {
        Map<String, String> acked = new ConcurrentHashMap<>();
        Map<Integer, String> prompts = new ConcurrentHashMap<>();
        try (GatewayProcess gw = GatewayProcess.builder(home).env(env).start()) {
            gw.send(JsonRpc.initialize(0));
            assertThat(gw.readLine(Duration.ofSeconds(60))).isPresent();
            gw.send(JsonRpc.initialized());
            List<String> calls = new ArrayList<>();
            for (int j = 1; j <= JOBS_PER_ROUND; j++) {
                String prompt = "round " + round + " job " + j;
                prompts.put(j, prompt);
                calls.add(JsonRpc.request(j, "tools/call", JSON.writeValueAsString(Map.of(
                        "name", "claude_request_async", "arguments", Map.of("prompt", prompt)))));
            }
            CountDownLatch firstAck = new CountDownLatch(1);
            Thread reader = Thread.ofVirtual().start(() -> readAcks(gw, prompts, acked, firstAck));
            gw.sendAll(calls);
            // the kill point counts from the first acknowledgement, not from the send: a cold gateway on a
            // loaded machine may take longer than the whole window to answer its first call
            assertThat(firstAck.await(60, TimeUnit.SECONDS)).as("round %d: a first acknowledgement", round).isTrue();
            Thread.sleep(killAfterMs);
            gw.process().destroyForcibly(); // SIGKILL: no shutdown hook, no final write
            gw.awaitExit(Duration.ofSeconds(30));
            reader.join(Duration.ofSeconds(30));
        }
        return acked;
    }

    private static void readAcks(GatewayProcess gw, Map<Integer, String> prompts, Map<String, String> acked,
                                 CountDownLatch firstAck) {
        Set<Integer> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(prompts.keySet());
        while (true) {
            Optional<String> line;
            try {
                line = gw.readLine(Duration.ofSeconds(60));
            } catch (AssertionError | RuntimeException e) {
                return;
            }
            if (line.isEmpty()) {
                return; // EOF: the gateway is gone
            }
            try {
                JsonNode msg = JSON.readTree(line.get());
                if (!msg.has("id") || !msg.path("result").has("content")) {
                    continue;
                }
                int id = msg.get("id").asInt();
                JsonNode body = JSON.readTree(msg.path("result").path("content").get(0).path("text").asText());
                String jobId = body.path("job").path("id").asText(null);
                if (jobId != null && pending.remove(id)) {
                    acked.put(jobId, prompts.get(id));
                    firstAck.countDown();
                }
            } catch (Exception e) {
                // a line cut by the kill is no acknowledgement
            }
        }
    }
}
