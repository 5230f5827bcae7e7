package com.verivus.gateway.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One page of a stream's text, so a client reads an output too large for one reply in pieces and can
 * resume after a disconnect. Offsets count UTF-16 code units, as {@code maxChars} always has (what
 * JavaScript's string length counts). A page never splits a surrogate pair: it ends one unit early
 * rather than after the first half, and an offset pointing at a second half starts one unit early.
 *
 * @param offset where the page starts (the requested offset, moved back by one to a pair's start)
 * @param nextOffset where the next page starts; null when this page reaches the end
 * @param totalChars the stream's length now (it grows while the job runs)
 */
public record OutputPage(String text, int offset, Integer nextOffset, int totalChars) {

    /**
     * @param offset >= 0; beyond the end gives an empty page
     * @param maxChars >= 2 (room for one surrogate pair)
     */
    public static OutputPage of(String stream, long offset, int maxChars) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be >= 2");
        }
        int total = stream.length();
        int start = (int) Math.min(offset, total);
        if (start > 0 && start < total && Character.isLowSurrogate(stream.charAt(start))
                && Character.isHighSurrogate(stream.charAt(start - 1))) {
            start--;
        }
        int end = (int) Math.min((long) start + maxChars, total);
        if (end < total && end > start && Character.isHighSurrogate(stream.charAt(end - 1))
                && Character.isLowSurrogate(stream.charAt(end))) {
            end--;
        }
        return new OutputPage(stream.substring(start, end), start, end < total ? end : null, total);
    }

    /** {offset, nextOffset, totalChars} — the text goes into the stream's own field. */
    public Map<String, Object> position() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offset", offset);
        m.put("nextOffset", nextOffset);
        m.put("totalChars", totalChars);
        return m;
    }
}
