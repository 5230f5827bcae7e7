package com.verivus.gateway.optimizer;

import java.util.List;

/** Word-level rules: courtesy phrases, filler adjectives and clauses, and summary phrases in responses. */
final class PhraseRewrites {

    /** Longest phrase first, so "Please do the following:" goes as a whole rather than leaving its tail. */
    static final List<Rewrite> COURTESY = List.of(
            Rewrite.of("\\bPlease do the following\\b:?\\s*+", ""),
            Rewrite.of("\\bPlease\\b[:,]?\\s*+", ""),
            Rewrite.of("\\bCould you\\b\\s*+", ""),
            Rewrite.of("\\bI would like you to\\b\\s*+", ""),
            Rewrite.of("\\bI would like\\b\\s*+", ""),
            Rewrite.of("\\bI need you to\\b\\s*+", ""),
            Rewrite.of("\\bI just implemented\\b\\s*+", ""));

    static final Rewrite ADJECTIVES = Rewrite.of("\\b(?:comprehensive|detailed|thorough|overall|critical)\\b", "");

    static final List<Rewrite> FILLER = List.of(
            Rewrite.of("\\bfound in the [^:.\\n]++", ""),
            Rewrite.of("\\b(?:that )?we implemented\\b", ""),
            // "the payment system" -> "payment"; the name is at most six words, so a missing "system"
            // never makes the engine rescan the rest of the text
            Rewrite.of("\\bthe\\s++([a-z][\\w-]*+(?:\\s++[\\w-]++){0,5}?)\\s++(?:system|feature)\\b", "$1"),
            Rewrite.of("(?m)^[ \\t]*+Problem:\\s*+", ""));

    static final Rewrite ARE_THERE_ANY = Rewrite.of("\\bAre\\s++there\\s++any\\s++([^?]{1,300}+)\\?", "$1?");

    /** Responses only: the summary openers, with their punctuation (before "overall" the adjective goes). */
    static final List<Rewrite> SUMMARY = List.of(
            Rewrite.of("\\bIn conclusion\\b[:,]?\\s*+", ""),
            Rewrite.of("\\bOverall\\b[:,]?\\s*+", ""));

    private PhraseRewrites() {
    }
}
