package com.verivus.gateway.optimizer;

import com.verivus.gateway.optimizer.PromptOptimizer.Mode;
import java.util.List;

/**
 * The word-level rules for one stretch of prose between code spans, in the order they must run. They
 * never see code, so no rule can delete or move it.
 */
final class ProseRewrites {

    private ProseRewrites() {
    }

    static String apply(String prose, Mode mode) {
        if (prose.isEmpty()) {
            return prose;
        }
        String out = prose;
        if (mode == Mode.RESPONSE) {
            out = all(PhraseRewrites.SUMMARY, out);
        }
        out = all(PhraseRewrites.COURTESY, out);
        out = PhraseRewrites.ADJECTIVES.apply(out);
        out = all(PhraseRewrites.FILLER, out);
        out = all(FileReferences.RULES, out);
        out = all(TypeNotation.RULES, out);
        return PhraseRewrites.ARE_THERE_ANY.apply(out);
    }

    private static String all(List<Rewrite> rules, String text) {
        for (Rewrite rule : rules) {
            text = rule.apply(text);
        }
        return text;
    }
}
