package com.verivus.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Paging a stream by UTF-16 offsets without ever splitting a surrogate pair. */
class OutputPageTest {

    /** Reads a whole stream page by page, following nextOffset, and glues the pages together. */
    private static String readAll(String text, int maxChars) {
        StringBuilder all = new StringBuilder();
        Integer next = 0;
        while (next != null) {
            OutputPage page = OutputPage.of(text, next, maxChars);
            assertThat(page.text().length()).isLessThanOrEqualTo(maxChars).isPositive();
            if (!page.text().isEmpty()) {
                assertThat(Character.isLowSurrogate(page.text().charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(page.text().charAt(page.text().length() - 1))).isFalse();
            }
            all.append(page.text());
            next = page.nextOffset();
        }
        return all.toString();
    }

    @Test
    void pagesOfTextFullOfSurrogatePairsReassembleExactlyAndNeverSplitAPair() {
        String text = "a😀b".repeat(1000) + "😀😀😀";
        for (int size : new int[] {2, 3, 4, 7, 1000}) {
            assertThat(readAll(text, size)).as("maxChars " + size).isEqualTo(text);
        }
    }

    @Test
    void aPageReportsWhereItStartsWhereTheNextStartsAndTheTotal() {
        OutputPage first = OutputPage.of("0123456789", 0, 4);
        assertThat(first.text()).isEqualTo("0123");
        assertThat(first.position()).containsEntry("offset", 0).containsEntry("nextOffset", 4)
                .containsEntry("totalChars", 10);
        OutputPage last = OutputPage.of("0123456789", 8, 4);
        assertThat(last.text()).isEqualTo("89");
        assertThat(last.nextOffset()).isNull();
        assertThat(OutputPage.of("0123456789", 50, 4).text()).isEmpty();
    }

    @Test
    void anOffsetPointingAtTheSecondHalfOfAPairStartsAtItsFirstHalf() {
        String text = "x😀y";
        OutputPage page = OutputPage.of(text, 2, 10);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.text()).isEqualTo("😀y");
    }

    @Test
    void negativeOffsetsAndPagesTooSmallForAPairAreRefused() {
        assertThatThrownBy(() -> OutputPage.of("x", -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputPage.of("x", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
