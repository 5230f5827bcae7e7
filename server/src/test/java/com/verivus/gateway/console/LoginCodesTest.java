package com.verivus.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginCodesTest {

    static final String TOKEN = "the-bearer-token";
    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void aCodeIsAcceptedOnceBeforeItExpires() {
        LoginCodes codes = new LoginCodes(TOKEN);
        String code = LoginCodes.mint(TOKEN, NOW);
        assertThat(codes.redeem(code, NOW.plusSeconds(10))).isTrue();
        assertThat(codes.redeem(code, NOW.plusSeconds(11))).isFalse();
        assertThat(codes.redeem(LoginCodes.mint(TOKEN, NOW), NOW)).isTrue(); // each mint is a new code
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = LoginCodes.mint(TOKEN, NOW);
        assertThat(new LoginCodes(TOKEN).redeem(code, NOW.plus(LoginCodes.LIFETIME))).isFalse();
        assertThat(new LoginCodes(TOKEN).redeem(code, NOW.plus(LoginCodes.LIFETIME).minusSeconds(1))).isTrue();
    }

    @Test
    void aCodeSignedWithAnotherTokenOrAlteredIsRefused() {
        String code = LoginCodes.mint("another-token", NOW);
        assertThat(new LoginCodes(TOKEN).redeem(code, NOW)).isFalse();
        String mine = LoginCodes.mint(TOKEN, NOW);
        String[] parts = mine.split("\\.");
        String later = (Long.parseLong(parts[0]) + 60) + "." + parts[1] + "." + parts[2];
        assertThat(new LoginCodes(TOKEN).redeem(later, NOW)).isFalse();
        for (String junk : new String[] {null, "", "a.b.c", mine + ".x", mine.toUpperCase()}) {
            assertThat(new LoginCodes(TOKEN).redeem(junk, NOW)).as(String.valueOf(junk)).isFalse();
        }
    }

    @Test
    void aCodeValidFarIntoTheFutureIsRefusedEvenWithAGoodSignature() {
        String farAhead = LoginCodes.mint(TOKEN, NOW.plus(Duration.ofHours(1)));
        assertThat(new LoginCodes(TOKEN).redeem(farAhead, NOW)).isFalse();
    }
}
