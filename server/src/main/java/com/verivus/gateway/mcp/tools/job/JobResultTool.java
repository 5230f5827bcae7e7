package com.verivus.gateway.mcp.tools.job;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.job.OutputPage;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code llm_job_result}: a job's snapshot with the last {@code maxChars} characters of stdout and
 * stderr, and for Claude stream-json jobs a {@code parsed} summary. The summary comes from the
 * parser passed in (the Claude provider's stream-json parser, wired by the composition root); it
 * must return {@code {text, costUsd, usage, model, numTurns}} (absent values omitted).
 */
public final class JobResultTool implements GatewayTool {

    public static final int DEFAULT_MAX_CHARS = 200_000;

    private final JobEngine engine;
    private final Function<String, Map<String, Object>> streamJsonParser;

    /** @param streamJsonParser turns Claude stream-json stdout into the {@code parsed} block */
    public JobResultTool(JobEngine engine, Function<String, Map<String, Object>> streamJsonParser) {
        this.engine = engine;
        this.streamJsonParser = Objects.requireNonNull(streamJsonParser, "streamJsonParser");
    }

    /** With the Claude provider's stream-json parser for the {@code parsed} block. */
    public JobResultTool(JobEngine engine) {
        this(engine, new ClaudeStreamJsonBlock());
    }

    @Override
    public String name() {
        return "llm_job_result";
    }

    @Override
    public String description() {
        return "Output of an async or deferred job: its status plus stdout and stderr (the last maxChars characters "
                + "of each, with stdoutTruncated/stderrTruncated telling whether anything was cut). Works while the "
                + "job runs (partial output) and after it finished; for Claude stream-json jobs a parsed block gives "
                + "the final text, cost, token usage, model and turns. To read an output larger than maxChars, page "
                + "it: pass offset (0 for the start); the reply then has maxChars characters of each stream from "
                + "there and stdoutPage/stderrPage {offset, nextOffset, totalChars}; call again with offset = "
                + "stdoutPage.nextOffset (stderrOffset = stderrPage.nextOffset for stderr) until nextOffset is null. "
                + "Offsets are stable, so a client can resume after a disconnect.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("jobId", "Async job ID from *_request_async (or the jobId of a deferred sync reply)",
                        p -> p.required())
                .integer("maxChars", "Max chars returned per stream (the last ones are kept; with offset, the ones "
                        + "from offset on); 1000 to 2000000", p -> p.range(1000, 2_000_000).defaultValue(DEFAULT_MAX_CHARS))
                .integer("offset", "Page mode: return stdout (and stderr, unless stderrOffset is given) from this "
                        + "character offset instead of the tail; 0 reads from the start. Characters are UTF-16 code "
                        + "units, as maxChars counts them.", p -> p.min(0))
                .integer("stderrOffset", "Page mode: the offset for stderr when it differs from stdout's (stderr's "
                        + "own nextOffset).", p -> p.min(0))
                .build();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        String jobId = call.requiredString("jobId");
        int maxChars = call.integer("maxChars").map(Long::intValue).orElse(DEFAULT_MAX_CHARS);
        if (call.has("offset") || call.has("stderrOffset")) {
            return page(jobId, call.integer("offset").orElse(0L),
                    call.integer("stderrOffset").or(() -> call.integer("offset")).orElse(0L), maxChars);
        }
        Optional<JobResult> result = engine.result(jobId, maxChars);
        if (result.isEmpty()) {
            return JobToolResults.notFound(jobId);
        }
        JobResult r = result.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("result", r.toMap());
        if ("stream-json".equals(r.snapshot().outputFormat()) && !r.stdout().isEmpty()) {
            body.put("parsed", streamJsonParser.apply(r.stdout()));
        }
        return ToolResults.json(body);
    }

    /** Page mode: maxChars characters of each stream from its offset, with where the next page starts. */
    private CallToolResult page(String jobId, long stdoutOffset, long stderrOffset, int maxChars) {
        Optional<JobResult> full = engine.result(jobId, Integer.MAX_VALUE);
        if (full.isEmpty()) {
            return JobToolResults.notFound(jobId);
        }
        JobResult r = full.get();
        OutputPage out = OutputPage.of(r.stdout(), stdoutOffset, maxChars);
        OutputPage err = OutputPage.of(r.stderr(), stderrOffset, maxChars);
        Map<String, Object> result = r.snapshot().toMap();
        result.put("stdout", out.text());
        result.put("stderr", err.text());
        result.put("stdoutTruncated", out.text().length() < out.totalChars());
        result.put("stderrTruncated", err.text().length() < err.totalChars());
        result.put("stdoutPage", out.position());
        result.put("stderrPage", err.position());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("result", result);
        return ToolResults.json(body);
    }
}
