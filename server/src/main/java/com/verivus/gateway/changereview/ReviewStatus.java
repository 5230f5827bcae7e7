package com.verivus.gateway.changereview;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How one reviewer (or the judge) of a change review ended. Only {@link #COMPLETED} is a review. */
public enum ReviewStatus {
    /** Answered with a non-empty review. */
    COMPLETED,
    /** Exited successfully but printed nothing: no review, never agreement. */
    NO_REVIEW,
    /** The job failed (non-zero exit, launch failure); the reason says why. */
    FAILED,
    /** Not run: not installed, not logged in, or (judge) nothing to judge. */
    SKIPPED,
    /** Still running when the review's time limit passed; its job was canceled. */
    TIMED_OUT,
    /** Canceled or orphaned by something else than this review. */
    CANCELED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ReviewStatus::key).toList();
    }
}
