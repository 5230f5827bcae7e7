package com.verivus.gateway.changereview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a change review covered and who said what: written once when review_changes returns, never
 * changed. The artifact hash ties it to exactly one change set; the job ids and output hashes tie it
 * to the stored reviewer outputs.
 */
/**
 * @param judge null when no judge was requested
 */
public record ReviewReceipt(String id, Instant createdAt, ChangeSet changeSet, String focus,
                            List<ReviewerOutcome> reviewers, ReviewerOutcome judge, Instant startedAt) {

    public static final String URI_PREFIX = "review-receipt://";

    public ReviewReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changeSet, "changeSet");
        reviewers = List.copyOf(reviewers);
    }

    public String uri() {
        return URI_PREFIX + id;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receiptId", id);
        m.put("uri", uri());
        m.put("createdAt", createdAt.toString());
        m.put("startedAt", startedAt.toString());
        m.put("repositoryRoot", changeSet.root().toString());
        m.put("artifactSha256", changeSet.sha256());
        m.put("artifactBytes", changeSet.bytes());
        m.put("baseCommit", changeSet.baseCommit());
        m.put("headCommit", changeSet.headCommit());
        m.put("included", new ArrayList<>(changeSet.includedKeys()));
        m.put("binaryFiles", new ArrayList<>(changeSet.binaryFiles()));
        m.put("focus", focus);
        m.put("reviewers", reviewers.stream().map(ReviewerOutcome::toMap).toList());
        m.put("judge", judge == null ? null : judge.toMap());
        return m;
    }
}
