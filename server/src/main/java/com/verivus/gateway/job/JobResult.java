package com.verivus.gateway.job;

import com.verivus.gateway.process.CapturedOutput;
import java.util.Map;

/**
 * A snapshot plus output: what llm_job_result returns. {@code stdout}/{@code stderr} are the LAST
 * {@code maxChars} characters of each stream (UTF-16 units, as JavaScript slices), flagged when cut.
 */
public record JobResult(JobSnapshot snapshot, String stdout, String stderr, boolean stdoutTruncated,
                        boolean stderrTruncated) {

    /** Keeps the last {@code maxChars} characters of each stream. */
    public static JobResult of(JobSnapshot snapshot, String stdout, String stderr, int maxChars) {
        String out = tail(stdout, maxChars);
        String err = tail(stderr, maxChars);
        return new JobResult(snapshot, out, err, out.length() < stdout.length(), err.length() < stderr.length());
    }

    static String tail(String value, int maxChars) {
        return CapturedOutput.tailOf(value, maxChars);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = snapshot.toMap();
        m.put("stdout", stdout);
        m.put("stderr", stderr);
        m.put("stdoutTruncated", stdoutTruncated);
        m.put("stderrTruncated", stderrTruncated);
        return m;
    }
}
