package com.verivus.gateway.fuzz;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one run: inputs by expectation, replies, failed inputs by first failure. */
final class FuzzLedger {

    private final String transport;
    private final Map<FuzzInput.Expect, Integer> inputs = new EnumMap<>(FuzzInput.Expect.class);
    private final Map<String, Integer> failuresByKind = new TreeMap<>();
    private int total;
    private int replies;
    private int failed;

    FuzzLedger(String transport) {
        this.transport = transport;
    }

    synchronized void record(FuzzInput input, Verdict verdict) {
        total++;
        inputs.merge(input.expect(), 1, Integer::sum);
        replies += verdict.replies();
        if (!verdict.ok()) {
            failed++;
            failuresByKind.merge(input.kind() + " -> " + category(verdict.failures().get(0)), 1, Integer::sum);
        }
    }

    /** The failure text up to its first detail, so that alike failures count together. */
    private static String category(String failure) {
        int cut = failure.indexOf(':');
        String head = cut > 0 ? failure.substring(0, cut) : failure;
        return head.length() > 90 ? head.substring(0, 90) : head;
    }

    synchronized int failed() {
        return failed;
    }

    synchronized String summary(int restarts) {
        StringBuilder s = new StringBuilder();
        s.append("[fuzz ").append(transport).append("] ").append(total).append(" inputs (")
                .append(inputs.getOrDefault(FuzzInput.Expect.REPLY_WITH_ID, 0)).append(" requests, ")
                .append(inputs.getOrDefault(FuzzInput.Expect.REPLY_WITH_NULL_ID, 0)).append(" invalid messages, ")
                .append(inputs.getOrDefault(FuzzInput.Expect.NO_REPLY, 0)).append(" notifications/responses): ")
                .append(replies).append(" replies to them, ").append(failed).append(" inputs failed, ")
                .append(restarts).append(" gateway restarts");
        failuresByKind.forEach((k, n) -> s.append("\n[fuzz ").append(transport).append("]   ").append(n).append(" × ")
                .append(k));
        return s.toString();
    }
}
