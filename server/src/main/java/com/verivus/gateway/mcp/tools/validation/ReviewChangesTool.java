package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.changereview.ChangePart;
import com.verivus.gateway.changereview.ChangeReviewRequest;
import com.verivus.gateway.changereview.ChangeReviewer;
import com.verivus.gateway.changereview.ChangeSetCapture;
import com.verivus.gateway.changereview.ReceiptLookup;
import com.verivus.gateway.changereview.ReviewReceipt;
import com.verivus.gateway.changereview.ReviewStatus;
import com.verivus.gateway.changereview.ReviewerOutcome;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.contract.ContractViolationException;
import com.verivus.gateway.workspace.WorkingDirectoryPolicy;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code review_changes}: several provider CLIs review a repository's change set read-only, a judge
 * merges their stored reviews, and a receipt records exactly what was reviewed by whom.
 */
public final class ReviewChangesTool implements GatewayTool {

    static final List<String> DEFAULT_PROVIDERS = List.of("claude", "codex");
    static final long DEFAULT_TIMEOUT_MS = 600_000;
    static final long MAX_TIMEOUT_MS = 7_200_000;

    private final ChangeReviewer reviewer;
    private final WorkingDirectoryPolicy directories;
    private final long defaultTimeoutMs;

    /**
     * @param directories      checks {@code repo} as it checks workingDir (absolute, exists; over HTTP under an
     *                         allowed root)
     * @param syncDeadlineMs   SYNC_DEADLINE_MS; a positive value is the default time limit
     */
    public ReviewChangesTool(ChangeReviewer reviewer, WorkingDirectoryPolicy directories, long syncDeadlineMs) {
        this.reviewer = reviewer;
        this.directories = directories;
        this.defaultTimeoutMs = syncDeadlineMs > 0 ? Math.min(syncDeadlineMs, MAX_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
    }

    @Override
    public String name() {
        return "review_changes";
    }

    @Override
    public String description() {
        return "Review a Git repository's change set with several provider CLIs at once, read-only, and get a "
                + "verifiable receipt. The gateway captures the changes itself with git (commits since base, staged, "
                + "unstaged and untracked files; binary files listed, not inlined) into one artifact with a SHA-256, "
                + "gives it to each reviewer fenced as untrusted data with an output contract (verdict, findings with "
                + "file:line and severity), and runs each reviewer as a durable job in its CLI's read-only/plan mode "
                + "in the repository root. A progress notification is sent as each reviewer finishes (\"2 of 3 "
                + "reviewers done\"). Reviewers that are not installed or not logged in are skipped, failing ones "
                + "reported failed, ones still running at timeoutMs canceled (timed_out), and an empty answer is "
                + "no_review - never agreement. With judge set, one more read-only job reads the reviewers' stored "
                + "outputs and returns agreement, disagreements and merged findings. The result holds the receipt "
                + "(also at review-receipt://<receiptId> and from validation_receipt).";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("repo", "Absolute path of a directory inside the Git work tree to review; the repository "
                        + "root is found with git and the reviewers run there. Over HTTP it must lie under one of the "
                        + "gateway's allowed roots (LLM_GATEWAY_ALLOWED_ROOTS), as workingDir must.", p -> p.required()
                        .length(1, 4096))
                .string("base", "Commit, branch or tag the committed changes start from (their merge base with "
                        + "HEAD). Default: the merge base with the current branch's upstream, else HEAD~1.",
                        p -> p.length(1, 256))
                .stringArray("include", "Which changes to review, any of committed, staged, unstaged, untracked "
                        + "(untracked: regular files not excluded by .gitignore). Default: all four.",
                        p -> p.allowed(ChangePart.keys()).items(1, 4).defaultValue(ChangePart.keys()))
                .stringArray("providers", "Reviewer CLIs, one read-only job each, each with its CLI's default model. "
                        + "Default: claude and codex.", p -> p.allowed(CliName.keys()).items(1, 5)
                        .defaultValue(DEFAULT_PROVIDERS))
                .enumeration("judge", "Provider CLI that judges the stored reviews (agreement, disagreements, merged "
                        + "findings). Omit for no judge.", CliName.keys())
                .string("focus", "What the reviewers should concentrate on, e.g. \"security of the auth change\". "
                        + "Default: correctness, security, data loss, concurrency, error handling, tests and "
                        + "maintainability.", p -> p.length(1, 2000))
                .integer("maxBytes", "Largest change-set artifact accepted, in bytes; a larger one is refused with "
                        + "advice on how to narrow it (each reviewer gets the artifact in one command-line argument, "
                        + "which Linux caps at 128 KiB).", p -> p.range(1, ChangeSetCapture.MAX_MAX_BYTES)
                        .defaultValue(ChangeSetCapture.DEFAULT_MAX_BYTES))
                .integer("timeoutMs", "How long the reviewers (and then the judge) may run before they are "
                        + "canceled and reported timed_out. Default: SYNC_DEADLINE_MS when set, else " + DEFAULT_TIMEOUT_MS
                        + ".", p -> p.range(1000, MAX_TIMEOUT_MS))
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return ChangeReviewSchemas.reviewChanges();
    }

    @Override
    public CallToolResult call(ToolCall call) {
        Set<ChangePart> include = EnumSet.noneOf(ChangePart.class);
        for (String key : call.strings("include").orElse(ChangePart.keys())) {
            include.add(ChangePart.fromKey(key).orElseThrow());
        }
        List<CliName> providers = call.strings("providers").orElse(DEFAULT_PROVIDERS).stream()
                .map(k -> CliName.fromKey(k).orElseThrow()).toList();
        CliName judge = call.string("judge").map(k -> CliName.fromKey(k).orElseThrow()).orElse(null);
        Path repo = directories.resolve(call.requiredString("repo"), call.origin(), "repo");
        ChangeReviewRequest request = new ChangeReviewRequest(repo, call.string("base").orElse(null), include, providers, judge, call.string("focus").orElse(null),
                call.integer("maxBytes").map(Long::intValue).orElse(ChangeSetCapture.DEFAULT_MAX_BYTES),
                Duration.ofMillis(call.integer("timeoutMs").orElse(defaultTimeoutMs)));
        ReviewReceipt receipt;
        try {
            receipt = reviewer.review(request, (done, total, message) ->
                    call.progress().report(done, (double) total, message));
        } catch (ContractViolationException e) {
            return ToolResults.errorText(e.getMessage());
        }
        Map<String, Object> stored = new ReceiptLookup(reviewer.receipts()).read(receipt.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("tool", name());
        body.put("summary", summary(receipt));
        body.put("receipt", stored.get("receipt"));
        body.put("bodySha256", stored.get("bodySha256"));
        return ToolResults.structured(summary(receipt) + "\n\n" + ToolResults.pretty(stored.get("receipt")), body,
                false);
    }

    static String summary(ReviewReceipt r) {
        StringBuilder s = new StringBuilder();
        s.append("Review ").append(r.id()).append(" of change set ").append(r.changeSet().sha256())
                .append(" (").append(r.changeSet().bytes()).append(" bytes; ")
                .append(String.join(", ", r.changeSet().includedKeys())).append("; base ")
                .append(r.changeSet().baseCommit() == null ? "none" : r.changeSet().baseCommit()).append(", head ")
                .append(r.changeSet().headCommit() == null ? "none" : r.changeSet().headCommit()).append(").");
        long reviews = r.reviewers().stream().filter(o -> o.status() == ReviewStatus.COMPLETED).count();
        s.append("\n").append(reviews).append(" of ").append(r.reviewers().size()).append(" reviewers reviewed.");
        for (ReviewerOutcome o : r.reviewers()) {
            s.append("\n- ").append(line(o));
        }
        s.append("\nJudge: ").append(r.judge() == null ? "not requested"
                : line(r.judge()) + (r.judge().answer().agreement() == null ? ""
                        : "; agreement " + r.judge().answer().agreement()));
        s.append("\nReceipt: ").append(r.uri());
        return s.toString();
    }

    private static String line(ReviewerOutcome o) {
        String verdict = o.answer().verdict() == null ? "" : ", verdict " + o.answer().verdict()
                + ", " + o.answer().findings().size() + " finding(s)";
        return o.provider().key() + ": " + o.status().key() + verdict + (o.reason() == null ? "" : " (" + o.reason() + ")")
                + (o.jobId() == null ? "" : " [job " + o.jobId() + "]");
    }
}
