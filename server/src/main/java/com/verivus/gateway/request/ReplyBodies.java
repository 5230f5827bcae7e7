package com.verivus.gateway.request;

import com.verivus.gateway.approval.ApprovalDecision;
import com.verivus.gateway.job.JobStart;
import com.verivus.gateway.optimizer.PromptOptimizer;
import com.verivus.gateway.provider.UsageExtractor;
import com.verivus.gateway.approval.ReviewIntegrity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The §1.2 result bodies of the request tools, keys in the Node gateway's order. */
final class ReplyBodies {

    private ReplyBodies() {
    }

    /** The CLI's answer text in the run's stdout. */
    static String cliText(PreparedRequest p, String stdout) {
        return p.call().answerText(p.outputFormat(), stdout);
    }

    /** Whether the answer text is rewritten (optimizeResponse) — never for json output. */
    static boolean optimizesResponse(PreparedRequest p) {
        return p.spec().optimizeResponse() && !"json".equals(p.outputFormat());
    }

    static RequestReply.Success success(PreparedRequest p, RunOutcome o) {
        String text = cliText(p, o.stdout());
        boolean json = "json".equals(p.outputFormat());
        if (optimizesResponse(p)) {
            text = PromptOptimizer.optimizeResponse(text);
        }
        if (p.review().hasViolations() && !json) {
            text = text + ReviewIntegrity.warningSuffix(p.review());
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", p.resolvedModel() != null ? p.resolvedModel() : "default");
        s.put("cli", p.cli().key());
        s.put("correlationId", p.correlationId());
        s.put("sessionId", p.call().replySessionId(p.run().session(), o));
        s.put("durationMs", p.elapsedMs());
        s.putAll(UsageExtractor.extract(p.cli(), o.stdout(), p.outputFormat()).toStructuredContent());
        s.put("exitCode", 0);
        s.put("retryCount", o.retryCount());
        // The Node gateway puts these on the CallToolResult itself; the MCP SDK result has no room for
        // arbitrary top-level keys, so they travel in structuredContent (see the README's compatibility notes).
        putExtras(s, p);
        return new RequestReply.Success(text, s);
    }

    private static void putExtras(Map<String, Object> s, PreparedRequest p) {
        Boolean resumable = p.run().session().resumable();
        if (resumable != null) {
            s.put("resumable", resumable);
        }
        if (p.approval() != null) {
            s.put("approval", approval(p.approval()));
        }
        if (p.review().hasViolations()) {
            s.put("reviewIntegrity", reviewIntegrity(p.review()));
        }
        s.put("mcpServers", p.run().mcpServers().toMap());
    }

    static RequestReply.Deferred deferred(PreparedRequest p, String jobId, long deadlineMs, PollTools tools) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", "deferred");
        b.put("jobId", jobId);
        b.put("cli", p.cli().key());
        b.put("correlationId", p.correlationId());
        String message = "Execution exceeded sync deadline (" + deadlineMs + "ms). ";
        if (tools.pollWith() != null) {
            message += "Poll with " + tools.pollWith() + ", fetch with " + tools.fetchWith() + ".";
        } else {
            message += "The job keeps running; this gateway has no job tools to poll it with.";
        }
        b.put("message", message);
        b.put("sessionId", p.run().session().effectiveSessionId());
        if (tools.pollWith() != null) {
            b.put("pollWith", tools.pollWith());
            b.put("fetchWith", tools.fetchWith());
        }
        if (tools.cancelWith() != null) {
            b.put("cancelWith", tools.cancelWith());
        }
        return new RequestReply.Deferred(b);
    }

    /** {@code {success:true, job, sessionId, [resumable], approval, mcpServers, [reviewIntegrity]}}. */
    static RequestReply.Started started(PreparedRequest p, JobStart start, String sessionId) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("success", true);
        b.put("job", start.job().toMap());
        b.put("sessionId", sessionId);
        Boolean resumable = p.run().session().resumable();
        if (resumable != null) {
            b.put("resumable", resumable);
        }
        b.put("approval", p.approval() == null ? null : approval(p.approval()));
        b.put("mcpServers", p.run().mcpServers().toMap());
        if (p.review().hasViolations()) {
            b.put("reviewIntegrity", reviewIntegrity(p.review()));
        }
        return new RequestReply.Started(b);
    }

    static String denialMessage(PreparedRequest p) {
        return p.operation() + " denied by MCP-managed approval policy";
    }

    static RequestReply.Refused denied(PreparedRequest p) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("success", false);
        b.put("error", denialMessage(p));
        b.put("approval", approval(p.approval()));
        return new RequestReply.Refused(b);
    }

    /** The approval record as approvals.jsonl holds it. */
    static Map<String, Object> approval(ApprovalDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("ts", d.ts());
        m.put("status", d.status());
        m.put("policy", d.policy());
        m.put("cli", d.cli());
        m.put("operation", d.operation());
        m.put("score", d.score());
        m.put("reasons", d.reasons());
        m.put("promptPreview", d.promptPreview());
        m.put("promptSha256", d.promptSha256());
        m.put("requestedMcpServers", d.requestedMcpServers());
        m.put("bypassRequested", d.bypassRequested());
        m.put("fullAuto", d.fullAuto());
        m.put("metadata", d.metadata());
        m.put("reviewIntegrity", d.reviewIntegrity() == null ? null : reviewIntegrity(d.reviewIntegrity()));
        return m;
    }

    /** {@code {isReviewContext, violations:[{type, score, detail}], totalScore}}. */
    static Map<String, Object> reviewIntegrity(ReviewIntegrity.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("isReviewContext", r.isReviewContext());
        List<Map<String, Object>> violations = r.violations().stream().map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("type", v.type());
            vm.put("score", v.score());
            vm.put("detail", v.detail());
            return vm;
        }).toList();
        m.put("violations", violations);
        m.put("totalScore", r.totalScore());
        return m;
    }
}
