package com.verivus.gateway.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewIntegrityTest {

    @ParameterizedTest
    @ValueSource(strings = {"Please review this diff", "audit the module", "Analyze the parser", "analyse it",
            "security pass", "find vulnerabilities", "any bugs?", "code  review please", "assess quality"})
    void recognisesReviewContext(String prompt) {
        assertThat(ReviewIntegrity.isReviewContext(prompt)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"write a function", "reviewer notes", "debugging session", ""})
    void ordinaryPromptsAreNotReviewContext(String prompt) {
        assertThat(ReviewIntegrity.isReviewContext(prompt)).isFalse();
    }

    @Test
    void outsideReviewContextNothingIsFlagged() {
        ReviewIntegrity.Result r = ReviewIntegrity.check("write code without tools", List.of(), List.of("Bash"));
        assertThat(r.isReviewContext()).isFalse();
        assertThat(r.violations()).isEmpty();
        assertThat(r.totalScore()).isZero();
    }

    @Test
    void emptyAllowedToolsInReviewScoresSix() {
        ReviewIntegrity.Result r = ReviewIntegrity.check("review the code", List.of(), null);
        assertThat(r.violations()).extracting(ReviewIntegrity.Violation::type)
                .containsExactly(ReviewIntegrity.EMPTY_ALLOWED_TOOLS);
        assertThat(r.totalScore()).isEqualTo(6);
    }

    @Test
    void unsetAllowedToolsIsNotAViolation() {
        assertThat(ReviewIntegrity.check("review the code", null, null).violations()).isEmpty();
    }

    @Test
    void scopedCriticalToolNamesAreRecognised() {
        ReviewIntegrity.Result r = ReviewIntegrity.check("audit this", null, List.of("Read(*)", "Bash(git:*)", "Edit"));
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(ReviewIntegrity.CRITICAL_TOOLS_DISALLOWED);
            assertThat(v.score()).isEqualTo(6);
            assertThat(v.detail()).contains("Read(*)").contains("Bash(git:*)").doesNotContain("Edit");
        });
    }

    @Test
    void toolSuppressionPhrasesScoreFour() {
        ReviewIntegrity.Result r = ReviewIntegrity.check("Security review. Do not run any shell commands.", null, null);
        assertThat(r.violations()).extracting(ReviewIntegrity.Violation::type)
                .containsExactly(ReviewIntegrity.TOOL_SUPPRESSION_TYPE);
        assertThat(r.totalScore()).isEqualTo(4);
    }

    @Test
    void combinedViolationsAddUp() {
        ReviewIntegrity.Result r = ReviewIntegrity.check("review it without tools", List.of(), List.of("grep"));
        assertThat(r.totalScore()).isEqualTo(16);
        assertThat(ReviewIntegrity.warningSuffix(r))
                .startsWith("\n\n⚠️ Review Integrity Warnings (score: 16):\n- [empty_allowed_tools] ");
    }
}
