package com.verivus.gateway.mcp.tools.job;

import static com.verivus.gateway.job.JobFixtures.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobEngineTestBase;
import com.verivus.gateway.job.JobFixtures;
import com.verivus.gateway.job.JobStart;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ProgressReporter;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** llm_job_status, llm_job_result and llm_job_cancel through the catalog, on real jobs. */
class JobToolsTest extends JobEngineTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(20);

    GatewayTool status;
    GatewayTool result;
    GatewayTool cancel;

    @BeforeEach
    void setUp() {
        List<GatewayTool> tools = JobTools.create(engine, new ClaudeStreamJsonBlock());
        status = tools.get(0);
        result = tools.get(1);
        cancel = tools.get(2);
    }

    private static CallToolResult call(GatewayTool tool, Map<String, Object> args) {
        return ToolCatalog.invoke(tool, args, ProgressReporter.NONE);
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private static Map<String, Object> body(CallToolResult r) throws Exception {
        return JSON.readValue(text(r), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private String finishedJob(CliInvocation inv) throws Exception {
        JobStart s = engine.start(inv, "corr-tools", true);
        engine.awaitTerminal(s.job().id(), WAIT).orElseThrow();
        return s.job().id();
    }

    @Test
    void toolsAreNamedAndDescribedAsTheNodeGatewayNamesThem() {
        assertThat(List.of(status.name(), result.name(), cancel.name()))
                .containsExactly("llm_job_status", "llm_job_result", "llm_job_cancel");
        assertThat(result.inputSchema().toJsonSchema().toString()).contains("minimum=1000", "maximum=2000000",
                "default=200000");
        assertThat(status.readOnly()).isTrue();
        assertThat(cancel.readOnly()).isFalse();
    }

    @Test
    void statusOfAnUnknownJobIsAnError() throws Exception {
        CallToolResult r = call(status, Map.of("jobId", "nope"));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo("{\n  \"success\": false,\n  \"error\": \"Job not found\",\n  \"jobId\": \"nope\"\n}");
    }

    @Test
    void statusShowsTheSnapshot() throws Exception {
        String id = finishedJob(invocation(CliName.CLAUDE, "echo", "hi"));
        CallToolResult r = call(status, Map.of("jobId", id));
        assertThat(r.isError()).isFalse();
        Map<String, Object> b = body(r);
        assertThat(b.keySet()).containsExactly("success", "job");
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) b.get("job");
        assertThat(job.keySet()).containsExactly("id", "cli", "status", "startedAt", "finishedAt", "exitCode",
                "correlationId", "outputTruncated", "stdoutBytes", "stderrBytes", "error", "exited");
        assertThat(job).containsEntry("id", id).containsEntry("status", "completed").containsEntry("exitCode", 0)
                .containsEntry("stdoutBytes", 3).containsEntry("error", null).containsEntry("exited", true)
                .containsEntry("correlationId", "corr-tools");
    }

    @Test
    void resultKeepsTheLastMaxCharsPerStreamAndFlagsTheCut() throws Exception {
        String id = finishedJob(invocation(CliName.CLAUDE, "echo", "a".repeat(1500) + "END"));
        Map<String, Object> b = body(call(result, Map.of("jobId", id, "maxChars", 1000)));
        @SuppressWarnings("unchecked")
        Map<String, Object> res = (Map<String, Object>) b.get("result");
        assertThat((String) res.get("stdout")).hasSize(1000).endsWith("END\n");
        assertThat(res).containsEntry("stdoutTruncated", true).containsEntry("stderrTruncated", false)
                .containsEntry("stdoutBytes", 1504);
        assertThat(b).doesNotContainKey("parsed");

        Map<String, Object> full = body(call(result, Map.of("jobId", id)));
        @SuppressWarnings("unchecked")
        Map<String, Object> all = (Map<String, Object>) full.get("result");
        assertThat((String) all.get("stdout")).hasSize(1504);
        assertThat(all).containsEntry("stdoutTruncated", false);
    }

    @Test
    void resultRejectsMaxCharsOutsideItsRange() {
        CallToolResult r = call(result, Map.of("jobId", "x", "maxChars", 999));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).contains("maxChars").contains("1000");
    }

    @Test
    void resultOfAClaudeStreamJsonJobCarriesTheParsedSummary() throws Exception {
        String id = finishedJob(new CliInvocation(CliName.CLAUDE, List.of("stream-json"), Map.of(), "stream-json",
                null, List.of(), true));
        Map<String, Object> b = body(call(result, Map.of("jobId", id)));
        assertThat(b).containsKey("parsed");
        assertThat(JSON.writeValueAsString(b.get("parsed"))).isEqualTo("{\"text\":\"Hi there\",\"costUsd\":0.0123,"
                + "\"usage\":{\"inputTokens\":10,\"outputTokens\":5,\"cacheReadInputTokens\":3,"
                + "\"cacheCreationInputTokens\":0},\"model\":\"claude-test-model\",\"numTurns\":2}");
    }

    @Test
    void theParserSeamDecidesWhatParsedHolds() throws Exception {
        GatewayTool custom = new JobResultTool(engine, stdout -> Map.of("lines", stdout.split("\n").length));
        String id = finishedJob(new CliInvocation(CliName.CLAUDE, List.of("stream-json"), Map.of(), "stream-json",
                null, List.of(), true));
        assertThat(body(call(custom, Map.of("jobId", id)))).containsEntry("parsed", Map.of("lines", 4));
    }

    @Test
    void resultIsReadFromTheStoreForJobsThisGatewayNeverRan() throws Exception {
        String id = finishedJob(invocation(CliName.CLAUDE, "echo", "durable"));
        fx.close();
        JobEngine other = fx.engine(JobFixtures.testSettings(), Optional.of(store));
        GatewayTool otherResult = new JobResultTool(other);
        @SuppressWarnings("unchecked")
        Map<String, Object> res = (Map<String, Object>) body(call(otherResult, Map.of("jobId", id))).get("result");
        assertThat(res).containsEntry("stdout", "durable\n").containsEntry("status", "completed");
    }

    @Test
    void cancelStopsARunningJobAndRefusesTwice() throws Exception {
        JobStart s = engine.start(invocation(CliName.CODEX, "hang"), "c", true);
        String id = s.job().id();

        CallToolResult first = call(cancel, Map.of("jobId", id));
        assertThat(first.isError()).isFalse();
        assertThat(text(first)).isEqualTo("{\n  \"success\": true,\n  \"jobId\": \"" + id + "\"\n}");

        CallToolResult second = call(cancel, Map.of("jobId", id));
        assertThat(second.isError()).isTrue();
        assertThat(body(second)).containsEntry("success", false).containsEntry("jobId", id)
                .containsEntry("reason", "Job is already canceled");

        assertThat(body(call(cancel, Map.of("jobId", "ghost")))).containsEntry("reason", "Job not found");
        engine.awaitTerminal(id, WAIT);
    }
}
