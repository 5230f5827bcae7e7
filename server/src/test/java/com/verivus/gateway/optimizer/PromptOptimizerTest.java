package com.verivus.gateway.optimizer;

import static com.verivus.gateway.optimizer.PromptOptimizer.Mode.PROMPT;
import static com.verivus.gateway.optimizer.PromptOptimizer.Mode.RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PromptOptimizerTest {

    private static String prompt(String text) {
        return PromptOptimizer.optimize(text, PROMPT);
    }

    // --- courtesy, filler, phrases -------------------------------------------------------------

    @ParameterizedTest(name = "courtesy \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Please review the parser.|review the parser.",
            "Please, review the parser.|review the parser.",
            "Could you review the parser?|review the parser?",
            "I would like you to review the parser.|review the parser.",
            "I would like a review of the parser.|a review of the parser.",
            "I need you to review the parser.|review the parser.",
            "I just implemented a parser.|a parser.",
            "Please do the following: review the parser.|review the parser.",
            "PLEASE review it.|review it."})
    void courtesyPhrasesAreDropped(String input, String expected) {
        assertThat(prompt(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "adjective \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Write a comprehensive test.|Write a test.",
            "Give a detailed answer.|Give a answer.",
            "Do a thorough check.|Do a check.",
            "Check the overall design.|Check the design.",
            "Fix the Critical bug.|Fix the bug."})
    void fillerAdjectivesAreDropped(String input, String expected) {
        assertThat(prompt(input)).isEqualTo(expected);
    }

    @Test
    void foundInTheClauseIsDroppedUpToPunctuation() {
        assertThat(prompt("Fix the bugs found in the login handler. Then test.")).isEqualTo("Fix the bugs . Then test.");
    }

    @Test
    void weImplementedIsDropped() {
        assertThat(prompt("Review the cache that we implemented yesterday")).isEqualTo("Review the cache yesterday");
        assertThat(prompt("Test what we implemented")).isEqualTo("Test what");
    }

    @Test
    void theXSystemAndTheXFeatureBecomeX() {
        assertThat(prompt("Audit the payment system today")).isEqualTo("Audit payment today");
        assertThat(prompt("Document the dark-mode feature")).isEqualTo("Document dark-mode");
        assertThat(prompt("Explain the job queue system")).isEqualTo("Explain job queue");
    }

    @Test
    void problemLabelIsStripped() {
        assertThat(prompt("Problem: the build fails\nProblem:\ntests hang")).isEqualTo("the build fails\ntests hang");
    }

    @Test
    void areThereAnyQuestionsBecomeTerse() {
        assertThat(prompt("Are there any race conditions?")).isEqualTo("race conditions?");
    }

    // --- file references ---------------------------------------------------------------------

    @ParameterizedTest(name = "file ref \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Check auth.ts on lines 1, 2 and 3.|Check auth.ts:1,2,3.",
            "Check auth.ts on line 7.|Check auth.ts:7.",
            "Check auth.ts at line ~40 now|Check auth.ts:40 now",
            "Look in the file src/db.ts on line 12|Look src/db.ts:12",
            "Look in the config.ts file at lines 3 and 4|Look config.ts:3,4",
            "See server.js line ~120 for it|See server.js:120 for it"})
    void fileReferencesBecomeEditorNotation(String input, String expected) {
        assertThat(prompt(input)).isEqualTo(expected);
    }

    // --- type compaction ---------------------------------------------------------------------

    @ParameterizedTest(name = "type \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "verbose is an optional boolean (default true)|verbose is bool=true",
            "verbose is optional boolean (default false)|verbose is bool=false",
            "dryRun: an optional boolean|dryRun: bool?",
            "flag: boolean|flag: bool",
            "limit is a required integer|limit is int!",
            "limit is an integer|limit is int",
            "tags is an array of strings|tags is str[]",
            "mode is a string enum of [fast, slow]|mode is a enum[fast, slow]",
            "mode is a string enum|mode is a enum",
            "name is a string parameter|name is a param:str",
            "name is a string|name is a str"})
    void typeDescriptionsAreCompacted(String input, String expected) {
        assertThat(prompt(input)).isEqualTo(expected);
    }

    // --- lists and notation ------------------------------------------------------------------

    @Test
    void twoOrMoreNumberedItemsBecomeATaskChain() {
        assertThat(prompt("Steps:\n1. First, read the spec.\n2. Then you should write tests;\n3. Finally ship it\nDone"))
                .isEqualTo("Steps:\nTasks: read the spec → write tests → ship it\nDone");
    }

    @Test
    void aSingleNumberedItemIsLeftAlone() {
        assertThat(prompt("1. read the spec carefully now\nnothing else follows here at all"))
                .isEqualTo("1. read the spec carefully now\nnothing else follows here at all");
    }

    @Test
    void twoOrMoreDashBulletsBecomeAnArrowChain() {
        assertThat(prompt("- After that, build it:\n- you should deploy it.\n- Please verify")).isEqualTo(
                "build it → deploy it → verify");
    }

    @Test
    void changeAndConvertBecomeArrows() {
        assertThat(prompt("Change the timeout to seconds.")).isEqualTo("timeout → seconds.");
        assertThat(prompt("Convert config to an object")).isEqualTo("config → object");
    }

    @Test
    void shouldBeABecomesAColon() {
        assertThat(prompt("The result should be a list of rows, always.")).isEqualTo("The result: list of rows, always.");
    }

    @Test
    void shortPlainLinesJoinTheirFirstAndWithASlash() {
        assertThat(prompt("Tests and docs and release")).isEqualTo("Tests/docs and release");
        String longLine = "Update the parser and the lexer and the printer and the tests now";
        assertThat(prompt(longLine)).isEqualTo(longLine);
        assertThat(prompt("Tests and docs, then ship")).isEqualTo("Tests and docs, then ship");
    }

    // --- response mode -------------------------------------------------------------------------

    @Test
    void responseModeDropsSummaryOpenersButPromptModeKeepsInConclusion() {
        assertThat(PromptOptimizer.optimize("In conclusion, it works. Overall, ship it.", RESPONSE))
                .isEqualTo("it works. ship it.");
        assertThat(prompt("In conclusion, it works.")).isEqualTo("In conclusion, it works.");
    }

    // --- whitespace and code -----------------------------------------------------------------

    @Test
    void whitespaceIsCollapsedAndTheEndTrimmed() {
        assertThat(prompt("a  \t b\n\n\n\n\nc   \n\n  ")).isEqualTo("a b\n\nc");
    }

    @Test
    void codeFencesArePreservedByteForByte() {
        String code = "```java\n// Please   be thorough\nboolean  ok = true;   \n\n\n\nString s;\n```";
        String out = prompt("Please review:\n" + code + "\nPlease be thorough.");
        assertThat(out).isEqualTo("review:\n" + code + "\nbe ."); // a dropped word leaves its space, as in the reference
    }

    @Test
    void anUnclosedFenceIsCodeToTheEnd() {
        String tail = "```python\ndef f(string):  # Please keep\n    return  1";
        assertThat(PromptOptimizer.optimize("Overall, done.\n" + tail, RESPONSE)).isEqualTo("done.\n" + tail);
    }

    @Test
    void inlineCodeIsPreservedAndTheSpacesAroundIt() {
        assertThat(prompt("Please make `string  boolean` a string and run `npm  test` now"))
                .isEqualTo("make `string  boolean` a str and run `npm  test` now");
    }

    @Test
    void listLinesWithInlineCodeAreStillLists() {
        assertThat(prompt("1. run `npm test`\n2. fix `a  b` failures.")).isEqualTo("Tasks: run `npm test` → fix `a  b` failures");
    }

    @Test
    void textUsingPrivateUseCharactersKeepsThem() {
        assertThat(prompt("Please keep \uE000 and `\uE000code\uE000` and \uE0010\uE001 intact"))
                .isEqualTo("keep \uE000 and `\uE000code\uE000` and \uE0010\uE001 intact");
    }

    @Test
    void blankTextIsReturnedAsIs() {
        assertThat(prompt("   \n ")).isEqualTo("   \n ");
        assertThat(prompt("")).isEmpty();
        assertThat(PromptOptimizer.optimize(null, PROMPT)).isNull();
    }

    // --- tokens ------------------------------------------------------------------------------

    @Test
    void tokenEstimateIsWordsTimesOnePointThreeRoundedUp() {
        assertThat(PromptOptimizer.estimateTokens("")).isZero();
        assertThat(PromptOptimizer.estimateTokens("  \n\t ")).isZero();
        assertThat(PromptOptimizer.estimateTokens("one")).isEqualTo(2);
        assertThat(PromptOptimizer.estimateTokens("one two three")).isEqualTo(4);
        assertThat(PromptOptimizer.estimateTokens(" ten words here to count for the estimate of tokens ")).isEqualTo(13);
        assertThat(PromptOptimizer.estimateTokens("a\u00a0b\u2003c")).isEqualTo(4);
    }

    @Test
    void aRealisticPromptShrinks() {
        String original = """
                Hi! I would like you to do a comprehensive and thorough code review of the authentication system that we implemented last week.

                Problem: users report being logged out randomly. The bug was found in the session refresh path.

                Please do the following:
                1. First, look in the file src/auth/session.ts on lines 40, 52 and 61.
                2. Then you should check whether the refresh token should be a string or an object.
                3. After that, look at src/auth/refresh.ts line ~88.
                4. Finally, suggest a fix.

                Are there any race conditions between the two tabs?
                The option rememberMe is an optional boolean (default true) and maxAge is a required integer.

                ```ts
                // Please keep this comment exactly
                export const   TTL = 3600;
                ```
                Could you also convert callbacks to promises.
                """;
        String optimized = PromptOptimizer.optimizePrompt(original);
        assertThat(optimized)
                .contains("Tasks: look src/auth/session.ts:40,52,61 → check whether the refresh token: str or an object")
                .contains("src/auth/refresh.ts:88")
                .contains("race conditions between the two tabs?")
                .contains("rememberMe is bool=true and maxAge is int!")
                .contains("```ts\n// Please keep this comment exactly\nexport const   TTL = 3600;\n```")
                .contains("callbacks → promises.")
                .doesNotContain("comprehensive", "thorough", "I would like", "Problem:", "Please do", "we implemented",
                        "Are there any");
        assertThat(PromptOptimizer.estimateTokens(optimized))
                .isLessThan(PromptOptimizer.estimateTokens(original) * 85 / 100);
    }

    // --- no catastrophic backtracking ----------------------------------------------------------

    private static final int SIZE = 100_000;

    private static String repeat(String unit) {
        return unit.repeat(SIZE / unit.length() + 1).substring(0, SIZE);
    }

    /** Each input is 100 KB built to make a naive regex backtrack; finishing at all is the assertion. */
    @ParameterizedTest(name = "adversarial 100 KB of \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"the the \"",                   // "the X system" with no "system"
            "a.b/",                           // one 100 KB token full of word boundaries
            "\"x on lines 1, 2 and \"",       // number lists that never end
            "\"Are there any \"",             // questions without a question mark
            "\"found in the \"",
            "\"string enum of [a, \"",
            "`",                              // empty inline spans
            "\"Change a to \"",
            "\"word line \"",
            "\"in the file in the file x \"",
            "\"Please Please \"",
            "\"x should be a \""})
    @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void adversarialInputsComplete(String unit) {
        assertThat(PromptOptimizer.optimize(repeat(unit), RESPONSE)).isNotNull();
    }

    static Stream<Arguments> adversarialLineStructures() {
        return Stream.of(
                Arguments.of("\n".repeat(SIZE) + "x", "\n\nx"),
                Arguments.of(" \t".repeat(SIZE / 2) + "x", " x"),
                Arguments.of("Problem:\n".repeat(SIZE / 9) + "x", "x"),
                Arguments.of("- a\n".repeat(SIZE / 4), ("a → ".repeat(SIZE / 4 - 1) + "a")),
                Arguments.of("1. a\n".repeat(SIZE / 5), "Tasks: " + "a → ".repeat(SIZE / 5 - 1) + "a"),
                Arguments.of("```" + "x ".repeat(SIZE / 2), "```" + "x ".repeat(SIZE / 2 - 1) + "x"));
    }

    @ParameterizedTest(name = "adversarial line structure #{index}")
    @MethodSource("adversarialLineStructures")
    @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void adversarialLineStructuresComplete(String input, String expected) {
        assertThat(PromptOptimizer.optimize(input, PROMPT)).isEqualTo(expected);
    }
}
