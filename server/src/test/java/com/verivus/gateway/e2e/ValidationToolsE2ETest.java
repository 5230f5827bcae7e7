package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-model validation tools of the real gateway process, over stdio with the MCP SDK's own client. */
class ValidationToolsE2ETest {

    @TempDir
    Path home;
    @TempDir
    Path tools;

    @Test
    @SuppressWarnings("unchecked")
    void validateWithModelsAgreesReportsProgressAndServesItsJobsThroughJobResult() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
        Map<String, String> env = fakes.env(Map.of("FAKE_CLI_RESPONSE",
                "Verdict: correct\nRationale: the sum is right.\nRisks: none that matter."));
        try (GatewayClient gw = GatewayProcess.builder(home).env(env).connect(progress::add)) {
            CallToolResult result = gw.call("validate_with_models",
                    Map.of("question", "Is 2 + 2 = 4?", "models", List.of("claude", "codex")), "validation-progress");

            assertThat(result.isError()).isFalse();
            assertThat(((TextContent) result.content().getFirst()).text()).startsWith("Validation report ");
            Map<String, Object> body = (Map<String, Object>) result.structuredContent();
            assertThat(body).containsEntry("success", true).containsEntry("tool", "validate_with_models");
            Map<String, Object> run = (Map<String, Object>) body.get("report");
            assertThat(run).containsEntry("status", "completed");
            Map<String, Object> report = (Map<String, Object>) ((Map<String, Object>) run.get("report"))
                    .get("structuredContent");
            assertThat(report).as(String.valueOf(body)).containsEntry("confidence", "high");
            List<Map<String, Object>> outputs = (List<Map<String, Object>>) report.get("perModelOutputs");
            assertThat(outputs).extracting(o -> o.get("provider")).containsExactly("claude", "codex");
            assertThat(outputs).allSatisfy(o -> {
                assertThat(o.get("status")).isEqualTo("completed");
                assertThat(String.valueOf(o.get("verdict")).toLowerCase()).contains("correct");
            });
            assertThat(progress).isNotEmpty();
            assertThat(progress.getLast().message()).contains("2 of 2");

            String jobId = (String) outputs.getFirst().get("jobId");
            CallToolResult fetched = gw.call("job_result", Map.of("jobId", jobId));
            assertThat(fetched.isError()).isFalse();
            assertThat(((TextContent) fetched.content().getFirst()).text()).contains("Verdict: correct");

            CallToolResult unknown = gw.call("job_status", Map.of("jobId", "no-such-job"));
            assertThat(unknown.isError()).isTrue();
        }
        assertThat(fakes.records()).extracting(r -> r.get("argv")).anySatisfy(argv ->
                assertThat((List<String>) argv).startsWith("exec", "--skip-git-repo-check"));
    }
}
