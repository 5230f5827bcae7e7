package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * workingDir and addDir through the real gateway process: over stdio any existing directory is used and
 * reaches the fake CLI's recorded cwd and argv; over HTTP only directories under the allowed roots are,
 * and '..', a symbolic link out of a root, a relative path and a path outside the roots are refused
 * before any CLI runs.
 */
class WorkingDirectoryE2ETest {

    private static final String TOKEN = "workspace-token-123";

    @TempDir
    Path home;
    @TempDir
    Path tools;
    @TempDir
    Path area;

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    @Test
    void overStdioTheCliRunsInTheGivenDirectoryWithItsExtraDirectoriesAndBadPathsAreRefusedBeforeAnySpawn()
            throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        Path repo = Files.createDirectories(area.resolve("repo one"));
        Path docs = Files.createDirectories(area.resolve("docs"));
        try (GatewayClient gw = GatewayProcess.builder(home).env(fakes.env(Map.of())).connect()) {
            CallToolResult claude = gw.call("claude_request", Map.of("prompt", "where am I", "workingDir",
                    repo.toString(), "addDir", List.of(docs.toString())));
            assertThat(claude.isError()).as(text(claude)).isFalse();
            Map<String, Object> record = fakes.lastRecord();
            assertThat(record.get("cwd")).isEqualTo(repo.toRealPath().toString());
            @SuppressWarnings("unchecked")
            List<String> argv = (List<String>) record.get("argv");
            assertThat(argv).containsSubsequence("--add-dir", docs.toRealPath().toString());

            Map<String, Object> started = gw.callJson("codex_request_async", Map.of("prompt", "fix it", "workingDir",
                    repo.toString(), "addDir", List.of(docs.toString())));
            @SuppressWarnings("unchecked")
            String jobId = (String) ((Map<String, Object>) started.get("job")).get("id");
            Map<String, Object> status;
            do {
                Thread.sleep(100);
                status = gw.callJson("llm_job_status", Map.of("jobId", jobId));
            } while ("running".equals(((Map<?, ?>) status.get("job")).get("status")));
            @SuppressWarnings("unchecked")
            Map<String, Object> job = (Map<String, Object>) status.get("job");
            assertThat(job).containsEntry("status", "completed")
                    .containsEntry("workingDir", repo.toRealPath().toString());
            record = fakes.lastRecord();
            assertThat(record.get("cli")).isEqualTo("codex");
            assertThat(record.get("cwd")).isEqualTo(repo.toRealPath().toString());
            @SuppressWarnings("unchecked")
            List<String> codexArgv = (List<String>) record.get("argv");
            assertThat(codexArgv.subList(0, 3)).containsExactly("exec", "--add-dir", docs.toRealPath().toString());

            int calls = fakes.records().size();
            CallToolResult relative = gw.call("gemini_request", Map.of("prompt", "p", "workingDir", "repo one"));
            assertThat(relative.isError()).isTrue();
            assertThat(text(relative)).contains("workingDir must be an absolute path");
            CallToolResult missing = gw.call("grok_request", Map.of("prompt", "p", "workingDir",
                    area.resolve("nowhere").toString()));
            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).contains("workingDir does not exist");
            CallToolResult file = gw.call("mistral_request", Map.of("prompt", "p", "workingDir",
                    Files.writeString(area.resolve("a-file"), "x").toString()));
            assertThat(text(file)).contains("workingDir is not a directory");
            CallToolResult validation = gw.call("ask_model", Map.of("question", "q", "model", "codex",
                    "workingDir", area.resolve("nowhere").toString()));
            assertThat(validation.isError()).isTrue();
            assertThat(text(validation)).contains("workingDir does not exist");
            assertThat(fakes.records()).hasSize(calls);
        }
    }

    @Test
    void overHttpOnlyDirectoriesUnderTheAllowedRootsAreUsedAndEveryEscapeIsRefused() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        Path root = Files.createDirectories(area.resolve("projects"));
        Path inside = Files.createDirectories(root.resolve("app"));
        Path outside = Files.createDirectories(area.resolve("secrets"));
        Path link = Files.createSymbolicLink(root.resolve("escape"), outside);
        GatewayProcess.Builder launch = GatewayProcess.builder(home).env(fakes.env(Map.of()))
                .env("LLM_GATEWAY_AUTH_TOKEN", TOKEN).env("LLM_GATEWAY_ALLOWED_ROOTS", root.toString()).http();
        try (GatewayClient gw = launch.connectHttp(TOKEN)) {
            McpSyncClient client = gw.mcp();
            CallToolResult ok = call(client, "claude_request", Map.of("prompt", "inside", "workingDir",
                    inside.toString()));
            assertThat(ok.isError()).as(text(ok)).isFalse();
            assertThat(fakes.lastRecord().get("cwd")).isEqualTo(inside.toRealPath().toString());
            int calls = fakes.records().size();

            Map<String, String> refused = Map.of(
                    inside + "/../../secrets", "is outside the allowed roots",
                    link.toString(), "is outside the allowed roots",
                    "projects/app", "must be an absolute path",
                    outside.toString(), "is outside the allowed roots",
                    area.resolve("gone").toString(), "is outside the allowed roots",
                    root.resolve("gone").toString(), "does not exist");
            for (Map.Entry<String, String> e : refused.entrySet()) {
                CallToolResult r = call(client, "claude_request", Map.of("prompt", "escape", "workingDir",
                        e.getKey()));
                assertThat(r.isError()).as(e.getKey()).isTrue();
                assertThat(text(r)).as(e.getKey()).contains(e.getValue());
                if (e.getValue().contains("outside")) {
                    assertThat(text(r)).contains("LLM_GATEWAY_ALLOWED_ROOTS").contains("[workspace] allowedRoots");
                }
            }
            CallToolResult addDir = call(client, "gemini_request", Map.of("prompt", "p", "workingDir",
                    inside.toString(), "addDir", List.of(link.toString())));
            assertThat(text(addDir)).contains("addDir").contains("is outside the allowed roots");
            assertThat(fakes.records()).hasSize(calls);
        }
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(new CallToolRequest(tool, args));
    }
}
