package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLIs a real gateway spawns find in their environment: the fake CLIs record theirs on every call
 * (requests through the job engine, sync and async, the validation tools, the version probe, cli_upgrade).
 */
class ChildEnvironmentE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "tok-" + "a".repeat(60);

    /**
     * The gateway's own secrets, and a copy of the token under a name of the user's choosing. DATABASE_URL and
     * REDIS_URL must reach real servers, since with both set the gateway keeps its sessions there: a fresh
     * database whose DSN carries a password (trust auth ignores it) and the local Redis under a key prefix of
     * this test's own (REDIS_URL is stripped by its name, with or without credentials in it).
     */
    private static Map<String, String> secrets(PostgresTestDatabase database) {
        return Map.of(
                "LLM_GATEWAY_AUTH_TOKEN", TOKEN,
                "DATABASE_URL", database.dsn().replaceFirst("@", ":hunter2@"),
                "REDIS_URL", "redis://127.0.0.1:6379",
                "LLM_GATEWAY_POSTGRES_DSN", "postgresql://gw:hunter2@db.internal/jobs",
                "MY_COPY_OF_THE_TOKEN", TOKEN);
    }

    @TempDir
    Path home;
    @TempDir
    Path tools;

    @Test
    void noSpawnedCliSeesTheGatewaysSecretsButEachKeepsTheRestOfTheEnvironment() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        Map<String, String> env = new HashMap<>(fakes.env(Map.of()));
        Map<String, String> secrets;
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            secrets = secrets(database);
            env.putAll(secrets);
            env.put("LLM_GATEWAY_REDIS_PREFIX", "child-env-" + UUID.randomUUID() + ":");
            env.put("ANTHROPIC_API_KEY", "sk-ant-user");
            env.put("SOME_PROJECT_SETTING", "kept");
            try (GatewayClient gw = GatewayProcess.builder(home).env(env).connect()) {
                callEverySpawningTool(gw);
            }
        }
        List<Map<String, Object>> records = fakes.records();
        assertThat(records.stream().map(r -> (String) r.get("cli")).distinct())
                .containsExactlyInAnyOrder("claude", "codex", "gemini", "grok", "vibe");
        assertThat(records).hasSizeGreaterThanOrEqualTo(16);
        System.err.printf("child environments: %d spawned CLIs recorded, none with a gateway secret%n", records.size());
        for (Map<String, Object> r : records) {
            Map<String, Object> childEnv = envOf(r);
            assertThat(childEnv).as("env of %s %s", r.get("cli"), r.get("argv"))
                    .doesNotContainKeys(secrets.keySet().toArray(String[]::new))
                    .doesNotContainValue(TOKEN)
                    .containsEntry("ANTHROPIC_API_KEY", "sk-ant-user")
                    .containsEntry("SOME_PROJECT_SETTING", "kept")
                    .containsKeys("PATH", "HOME", "FAKE_CLI_RECORD");
        }
    }

    @Test
    void allowListModePassesOnlyTheBaselineTheProviderLoginsAndTheListedNames() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        Path config = home.resolve("gateway.toml");
        Files.writeString(config, """
                [childEnvironment]
                mode = "allowlist"
                allow = ["FAKE_CLI_RECORD", "MY_TOOL_HOME"]
                """);
        Map<String, String> env = new HashMap<>(fakes.env(Map.of()));
        PostgresTestDatabase database = PostgresTestDatabase.create();
        Map<String, String> secrets = secrets(database);
        env.putAll(secrets);
        env.put("LLM_GATEWAY_REDIS_PREFIX", "child-env-" + UUID.randomUUID() + ":");
        env.put("LLM_GATEWAY_CONFIG", config.toString());
        env.put("ANTHROPIC_API_KEY", "sk-ant-user");
        env.put("GEMINI_API_KEY", "gm-user");
        env.put("GOOGLE_CLOUD_PROJECT", "proj");
        env.put("MY_TOOL_HOME", "/opt/tool");
        env.put("SOME_PROJECT_SETTING", "dropped");
        env.put("LC_ALL", "C.UTF-8");
        try (database; GatewayClient gw = GatewayProcess.builder(home).env(env).connect()) {
            text(gw.call("claude_request", Map.of("prompt", "allow-list")));
            text(gw.call("gemini_request", Map.of("prompt", "allow-list")));
            text(gw.call("cli_versions", Map.of()));
        }
        List<Map<String, Object>> records = fakes.records();
        assertThat(records).hasSizeGreaterThanOrEqualTo(3);
        for (Map<String, Object> r : records) {
            Map<String, Object> childEnv = envOf(r);
            assertThat(childEnv).as("env of %s %s", r.get("cli"), r.get("argv"))
                    .doesNotContainKeys(secrets.keySet().toArray(String[]::new))
                    .doesNotContainKeys("SOME_PROJECT_SETTING", "LLM_GATEWAY_CONFIG", "JAVA_HOME")
                    .containsEntry("MY_TOOL_HOME", "/opt/tool")
                    .containsEntry("ANTHROPIC_API_KEY", "sk-ant-user")
                    .containsEntry("GEMINI_API_KEY", "gm-user")
                    .containsEntry("GOOGLE_CLOUD_PROJECT", "proj")
                    .containsEntry("LC_ALL", "C.UTF-8")
                    .containsKeys("PATH", "HOME", "LANG");
            assertThat(childEnv.keySet()).allSatisfy(name -> assertThat(name).matches(
                    "PATH|HOME|LANG|LC_\\w+|SHELL|TERM|USER|LOGNAME|TMPDIR|TZ|XDG_\\w+|NO_COLOR" // the baseline
                            + "|ANTHROPIC_API_KEY|GEMINI_API_KEY|GOOGLE_CLOUD_PROJECT|VIBE_ACTIVE_MODEL" // providers'
                            + "|FAKE_CLI_RECORD|MY_TOOL_HOME"
                            // set by a python3 shim (pyenv, a bash script) between the gateway and the fake
                            + "|_?PYENV_\\w+|SHLVL|PWD|_"));
        }
    }

    @Test
    void anUnknownChildEnvironmentModeStopsTheGatewayWithTheReason() throws Exception {
        try (GatewayProcess gw = GatewayProcess.builder(home).env("LLM_GATEWAY_CHILD_ENV", "alowlist").start()) {
            gw.closeStdin();
            assertThat(gw.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(gw.stderr()).contains("Fatal server error: Invalid [childEnvironment] config: "
                    + "LLM_GATEWAY_CHILD_ENV is 'alowlist'; expected \"inherit\" or \"allowlist\"");
        }
    }

    /** Sync and async requests of all five CLIs, a validation tool, the version probe and an upgrade. */
    private static void callEverySpawningTool(GatewayClient gw) throws Exception {
        for (String cli : List.of("claude", "codex", "gemini", "grok", "mistral")) {
            text(gw.call(cli + "_request", Map.of("prompt", "sync " + cli)));
            String started = text(gw.call(cli + "_request_async", Map.of("prompt", "async " + cli)));
            String jobId = (String) ((Map<?, ?>) JSON.readValue(started, Map.class).get("job")).get("id");
            awaitDone(gw, jobId);
        }
        text(gw.call("ask_model", Map.of("question", "validate", "model", "claude")));
        text(gw.call("cli_versions", Map.of()));
        text(gw.call("cli_upgrade", Map.of("cli", "claude")));
    }

    private static void awaitDone(GatewayClient gw, String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String status = text(gw.call("llm_job_status", Map.of("jobId", jobId)));
            if (!status.contains("\"running\"")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " still running after 30 s");
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envOf(Map<String, Object> record) {
        return new LinkedHashMap<>((Map<String, Object>) record.get("env"));
    }
}
