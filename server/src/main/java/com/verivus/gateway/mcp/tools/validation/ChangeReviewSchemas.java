package com.verivus.gateway.mcp.tools.validation;

import static com.verivus.gateway.mcp.tools.validation.OutputSchema.arrayOf;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.bool;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.constant;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.described;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.integer;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.nullableInteger;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.nullableString;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.object;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.oneOf;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.string;

import com.verivus.gateway.changereview.ChangePart;
import com.verivus.gateway.changereview.Finding;
import com.verivus.gateway.changereview.ReviewStatus;
import com.verivus.gateway.provider.CliName;
import java.util.Map;

/** The output schemas of review_changes and validation_receipt. */
final class ChangeReviewSchemas {

    private ChangeReviewSchemas() {
    }

    static Map<String, Object> finding() {
        return object()
                .prop("severity", oneOf(Finding.SEVERITIES))
                .prop("file", described("Path as the reviewer wrote it, or null", nullableString()))
                .prop("line", nullableInteger())
                .prop("text", string())
                .build();
    }

    static Map<String, Object> outcome(boolean judge) {
        OutputSchema.ObjectBuilder b = object()
                .prop("role", constant(judge ? "judge" : "reviewer"))
                .prop("provider", oneOf(CliName.keys()))
                .prop("model", described("Always null: reviewers run their CLI's default model", Map.of("type", "null")))
                .prop("cliVersion", described("What the CLI printed for --version", nullableString()))
                .prop("status", described("completed is the only status that is a review; no_review = exited 0 "
                        + "with empty output (never agreement)", oneOf(ReviewStatus.keys())))
                .prop("reason", described("Why it was skipped/failed/timed out, or a note", nullableString()))
                .prop("jobId", described("The durable job with the full output (job_status / job_result)",
                        nullableString()))
                .prop("outputSha256", described("SHA-256 of the job's stored stdout", nullableString()))
                .prop("verdict", described("approve, request_changes or comment as stated, else null",
                        nullableString()));
        if (judge) {
            b.prop("agreement", described("agree, partial or disagree as the judge stated, else null",
                    nullableString()));
            b.prop("disagreements", arrayOf(string()));
        }
        return b.prop("findings", arrayOf(finding()))
                .prop("startedAt", nullableString())
                .prop("finishedAt", nullableString())
                .build();
    }

    static Map<String, Object> receipt() {
        return object()
                .prop("receiptId", string())
                .prop("uri", described("review-receipt://<id>: read it as an MCP resource", string()))
                .prop("createdAt", string())
                .prop("startedAt", string())
                .prop("repositoryRoot", string())
                .prop("artifactSha256", described("SHA-256 of the canonical change-set artifact the reviewers saw",
                        string()))
                .prop("artifactBytes", integer())
                .prop("baseCommit", nullableString())
                .prop("headCommit", nullableString())
                .prop("included", arrayOf(oneOf(ChangePart.keys())))
                .prop("binaryFiles", arrayOf(string()))
                .prop("focus", nullableString())
                .prop("reviewers", arrayOf(outcome(false)))
                .prop("judge", described("null when no judge was requested", OutputSchema.nullable(outcome(true))))
                .build();
    }

    static Map<String, Object> reviewChanges() {
        return object()
                .prop("success", constant(true))
                .prop("tool", constant("review_changes"))
                .prop("summary", string())
                .prop("receipt", receipt())
                .prop("bodySha256", described("SHA-256 of the stored receipt body", string()))
                .build();
    }

    static Map<String, Object> validationReceipt() {
        return object()
                .prop("receipt", receipt())
                .prop("bodySha256", string())
                .prop("intact", described("The stored body still hashes to bodySha256", bool()))
                .prop("artifactMatches", described("Whether artifactSha256 (when given) is the one the receipt "
                        + "covers; null when not given", OutputSchema.nullable(bool())))
                .build();
    }
}
