package com.verivus.gateway.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThinkingBlocksTest {

    @Test
    void noBlocksIsNull() {
        assertThat(ThinkingBlocks.encode(null)).isNull();
        assertThat(ThinkingBlocks.encode(List.of())).isNull();
    }

    @Test
    void smallBlocksAreAJsonArray() {
        assertThat(ThinkingBlocks.encode(List.of("a \"quoted\" step", "ü"))).isEqualTo("[\"a \\\"quoted\\\" step\",\"ü\"]");
    }

    @Test
    void exactlyTheLimitIsKeptWhole() {
        String text = "x".repeat(ThinkingBlocks.MAX_BYTES);
        assertThat(ThinkingBlocks.cap(text)).isSameAs(text);
    }

    @Test
    void cutNeverSplitsAFourByteCharacter() {
        // "a" then 4-byte emoji: whatever the cut point, no half character may survive
        for (int shift = 0; shift < 4; shift++) {
            String text = "a".repeat(shift) + "😀".repeat(300_000);
            String capped = ThinkingBlocks.cap(text);
            byte[] bytes = capped.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(ThinkingBlocks.MAX_BYTES)
                    .isGreaterThan(ThinkingBlocks.MAX_BYTES - ThinkingBlocks.MARKER.length() - 4);
            assertThat(capped).endsWith("😀" + ThinkingBlocks.MARKER).doesNotContain("\uFFFD");
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(capped);
        }
    }
}
