package com.verivus.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrowserSessionsTest {

    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void aSessionIsFoundByItsCookieAmongOthersUntilItExpires() {
        BrowserSessions sessions = new BrowserSessions(Clock.fixed(NOW, ZoneOffset.UTC));
        BrowserSessions.BrowserSession s = sessions.create();
        assertThat(sessions.find(Optional.of("a=1; " + BrowserSessions.COOKIE + "=" + s.id() + "; b=2"))).hasValue(s);
        assertThat(sessions.find(Optional.of(BrowserSessions.COOKIE + "=" + s.id() + "x"))).isEmpty();
        assertThat(sessions.find(Optional.empty())).isEmpty();

        BrowserSessions later = new BrowserSessions(Clock.fixed(NOW.plus(BrowserSessions.LIFETIME), ZoneOffset.UTC));
        assertThat(later.find(Optional.of(BrowserSessions.COOKIE + "=" + s.id()))).isEmpty(); // another gateway run
        assertThat(s.expires()).isEqualTo(NOW.plus(BrowserSessions.LIFETIME));
    }

    @Test
    void theCsrfTokenMatchesOnlyItself() {
        BrowserSessions.BrowserSession s = new BrowserSessions(Clock.fixed(NOW, ZoneOffset.UTC)).create();
        assertThat(s.csrfMatches(s.csrfToken())).isTrue();
        assertThat(s.csrfMatches(s.csrfToken() + "0")).isFalse();
        assertThat(s.csrfMatches(null)).isFalse();
        assertThat(s.csrfToken()).isNotEqualTo(s.id());
    }

    @Test
    void theCookieIsHttpOnlyStrictAndSecureOnlyOverHttps() {
        BrowserSessions.BrowserSession s = new BrowserSessions(Clock.fixed(NOW, ZoneOffset.UTC)).create();
        assertThat(BrowserSessions.setCookie(s, false)).contains("; HttpOnly; SameSite=Strict").doesNotContain("Secure");
        assertThat(BrowserSessions.setCookie(s, true)).endsWith("; Secure");
    }
}
