package com.verivus.gateway.changereview;

import com.verivus.gateway.provider.CliName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reviewer's part of a change review, as the receipt records it.
 *
 * @param role          "reviewer" or "judge"
 * @param cliVersion    what the CLI printed for --version, or null
 * @param jobId         the durable job holding the full output; null when no job was started
 * @param outputSha256  SHA-256 of the job's stdout as stored; null without output
 * @param answer        the parsed verdict and findings (empty when there is no review)
 */
public record ReviewerOutcome(String role, CliName provider, ReviewStatus status, String reason, String cliVersion,
                              String jobId, String outputSha256, ReviewAnswer answer, Instant startedAt,
                              Instant finishedAt) {

    static final ReviewAnswer NONE = new ReviewAnswer(null, null, List.of(), List.of());

    public ReviewerOutcome {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        answer = answer == null ? NONE : answer;
    }

    static ReviewerOutcome notRun(String role, CliName provider, ReviewStatus status, String reason, String version) {
        return new ReviewerOutcome(role, provider, status, reason, version, null, null, NONE, null, null);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("provider", provider.key());
        m.put("model", null);
        m.put("cliVersion", cliVersion);
        m.put("status", status.key());
        m.put("reason", reason);
        m.put("jobId", jobId);
        m.put("outputSha256", outputSha256);
        m.put("verdict", answer.verdict());
        if (role.equals("judge")) {
            m.put("agreement", answer.agreement());
            m.put("disagreements", new ArrayList<>(answer.disagreements()));
        }
        m.put("findings", answer.findings().stream().map(Finding::toMap).toList());
        m.put("startedAt", startedAt == null ? null : startedAt.toString());
        m.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        return m;
    }
}
