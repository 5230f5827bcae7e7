package com.verivus.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading verdicts and risks out of reviewers' answers, in the forms real CLIs write them. */
class AnswerTextTest {

    @Test
    void aVerdictLineGivesTheVerdict() {
        assertThat(AnswerText.verdict("Verdict: correct\nRationale: x")).isEqualTo("correct");
        assertThat(AnswerText.verdict("intro\n  verdict :  Mostly right  \n")).isEqualTo("Mostly right");
        assertThat(AnswerText.verdict("VERDICT - wrong")).isEqualTo("wrong");
    }

    @Test
    void markdownVerdictsAreUnderstood() {
        assertThat(AnswerText.verdict("**Verdict:** Correct.\n")).isEqualTo("Correct.");
        assertThat(AnswerText.verdict("**Verdict**: _incorrect_")).isEqualTo("incorrect");
        assertThat(AnswerText.verdict("## Verdict\n\n**Partially correct** - see below\n## Rationale\n"))
                .isEqualTo("Partially correct - see below");
        assertThat(AnswerText.verdict("### Verdict:\n- Correct")).isEqualTo("Correct");
        assertThat(AnswerText.verdict("> **Verdict:** correct")).isEqualTo("correct");
    }

    @Test
    void noVerdictLineGivesNone() {
        assertThat(AnswerText.verdict("The verdict: is not at the line start")).isNull();
        assertThat(AnswerText.verdict("Paris.")).isNull();
        assertThat(AnswerText.verdict("")).isNull();
        assertThat(AnswerText.verdict("## Verdict\n\n")).isNull();
    }

    @Test
    void longVerdictsAreCutTo240Characters() {
        String v = AnswerText.verdict("Verdict: " + "x".repeat(300));
        assertThat(v).hasSize(240).endsWith("...");
    }

    @Test
    void verdictsAreComparedByTheirLabelNotTheirWording() {
        assertThat(AnswerText.verdictKey("Correct.")).isEqualTo("correct");
        assertThat(AnswerText.verdictKey("**Correct** — the answer holds")).isEqualTo("correct");
        assertThat(AnswerText.verdictKey("Correct - the answer holds")).isEqualTo("correct");
        assertThat(AnswerText.verdictKey("INCORRECT: off by one")).isEqualTo("incorrect");
        assertThat(AnswerText.verdictKey("Partially correct (see risks)")).isEqualTo("partially correct");
        assertThat(AnswerText.verdictKey("correct, with caveats")).isEqualTo("correct, with caveats");
        assertThat(AnswerText.verdictKey("context-dependent")).isEqualTo("context-dependent");
        assertThat(AnswerText.verdictKey(null)).isNull();
    }

    @Test
    void riskLinesAreCollected() {
        assertThat(AnswerText.risks("Verdict: ok\nRisks: none significant\n- Concern: speed\n* caution about X\n"
                + "Riskless plan\nLimitation: small sample"))
                .containsExactly("Risks: none significant", "Concern: speed", "caution about X",
                        "Limitation: small sample");
    }

    @Test
    void itemsUnderARisksHeadingAreCollectedUntilTheNextHeading() {
        String answer = "## Verdict\nCorrect\n\n## Risks\n- first\n- second\n\n## Suggested next step\nShip it.";
        assertThat(AnswerText.risks(answer)).containsExactly("first", "second");
        assertThat(AnswerText.risks("**Risks:**\n1. one\n2. two\nRationale: x")).containsExactly("one", "two");
    }

    @Test
    void atMostFiveRisksOfAtMost300Characters() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append("Risk ").append(i).append(": ").append("y".repeat(400)).append('\n');
        }
        assertThat(AnswerText.risks(b.toString())).hasSize(5).allSatisfy(r -> assertThat(r).hasSize(300).endsWith("..."));
    }

    @Test
    void excerptsNeverSplitASurrogatePair() {
        String s = "a".repeat(6) + "\uD83D\uDE00" + "b".repeat(10);
        String cut = AnswerText.excerpt(s, 10);
        assertThat(cut).isEqualTo("aaaaaa...");
        assertThat(AnswerText.tailExcerpt("x".repeat(5) + "tail", 7)).isEqualTo("...tail");
    }
}
