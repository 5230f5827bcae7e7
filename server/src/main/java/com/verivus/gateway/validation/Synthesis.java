package com.verivus.gateway.validation;

import com.verivus.gateway.provider.CliName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The judge's part of a validation run.
 *
 * @param judgeModel the judge provider, null when none was requested
 * @param rawJobReference the judge's job, null when none was started
 * @param note what happened, in a sentence
 * @param result the judge's answer normalized like a reviewer's (verdict, rationale, risks), once it finished
 * @param text the judge's full answer (up to {@link #TEXT_MAX_CHARS}), once it completed
 */
public record Synthesis(SynthesisStatus status, CliName judgeModel, RawJobReference rawJobReference, String note,
                        NormalizedResult result, String text) {

    public static final int TEXT_MAX_CHARS = 20_000;

    public Synthesis {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(note, "note");
    }

    static Synthesis of(SynthesisStatus status, CliName judge, String note) {
        return new Synthesis(status, judge, null, note, null, null);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.key());
        m.put("judgeModel", judgeModel == null ? null : judgeModel.key());
        m.put("rawJobReference", rawJobReference == null ? null : rawJobReference.toMap());
        m.put("note", note);
        m.put("result", result == null ? null : result.toMap());
        m.put("text", text);
        return m;
    }

    /** A few lines for the human-readable report. */
    public String describe() {
        StringBuilder b = new StringBuilder("Judge synthesis");
        if (judgeModel != null) {
            b.append(" (").append(judgeModel.key()).append(")");
        }
        b.append(": ").append(status.key());
        if (rawJobReference != null) {
            b.append(" job=").append(rawJobReference.jobId());
        }
        if (result != null && result.verdict() != null && status == SynthesisStatus.COMPLETED) {
            b.append(" verdict=").append(result.verdict());
        }
        b.append("\n").append(note);
        if (text != null && !text.isBlank()) {
            b.append("\n\n").append(text.strip());
        }
        return b.toString();
    }
}
