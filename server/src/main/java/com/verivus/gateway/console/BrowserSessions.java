package com.verivus.gateway.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's logged-in browsers, in memory (a restart logs everyone out). Each session has the id
 * its HttpOnly cookie carries and a CSRF token the page reads from {@code /api/session} and sends back
 * in {@link #CSRF_HEADER} on every state-changing call.
 */
public final class BrowserSessions {

    public static final String COOKIE = "llm_gateway_console";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** A logged-in browser. */
    public record BrowserSession(String id, String csrfToken, Instant expires) {

        /** Constant-time comparison with the token a request presented. */
        public boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    presented.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, BrowserSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public BrowserSessions(Clock clock) {
        this.clock = clock;
    }

    public BrowserSession create() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !s.expires().isAfter(now));
        BrowserSession session = new BrowserSession(randomHex(), randomHex(), now.plus(LIFETIME));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session named by the request's {@code Cookie} header, if any. */
    public Optional<BrowserSession> find(Optional<String> cookieHeader) {
        return cookieHeader.flatMap(BrowserSessions::cookieValue).map(sessions::get)
                .filter(s -> s.expires().isAfter(clock.instant()));
    }

    /**
     * The {@code Set-Cookie} value for a new session: HttpOnly, SameSite=Strict, whole gateway; {@code Secure}
     * when the gateway is reached over https (a plain-http loopback browser would drop a Secure cookie).
     */
    public static String setCookie(BrowserSession session, boolean secure) {
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + LIFETIME.toSeconds()
                + (secure ? "; Secure" : "");
    }

    static Optional<String> cookieValue(String header) {
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(COOKIE + "=")) {
                return Optional.of(p.substring(COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }

    private static String randomHex() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
