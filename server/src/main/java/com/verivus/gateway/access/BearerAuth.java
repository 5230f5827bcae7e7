package com.verivus.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The bearer-token check of the HTTP transport (behaviour spec §8.2, with the constant-time compare
 * of departure §14.15). Disabled by {@code LLM_GATEWAY_AUTH_DISABLED=1}; with no token configured every
 * protected request gets 503, so an unconfigured gateway is never open by accident.
 */
public final class BearerAuth {

    /** Sent with every auth failure, as the Node gateway does. */
    public static final String CHALLENGE = "Bearer realm=\"llm-cli-gateway\"";

    /** A refused request: HTTP status and the message for the {@code {"error":...}} body. */
    public record Denial(int status, String message) {
    }

    private final boolean disabled;
    private final byte[] tokenDigest; // null when no token is configured

    public BearerAuth(Optional<String> token, boolean disabled) {
        this.disabled = disabled;
        this.tokenDigest = token.filter(t -> !t.isEmpty()).map(BearerAuth::sha256).orElse(null);
    }

    public boolean disabled() {
        return disabled;
    }

    public boolean tokenConfigured() {
        return tokenDigest != null;
    }

    /** Empty when the request may proceed. */
    public Optional<Denial> check(Optional<String> authorizationHeader) {
        if (disabled) {
            return Optional.empty();
        }
        if (tokenDigest == null) {
            return Optional.of(new Denial(503, "HTTP transport requires LLM_GATEWAY_AUTH_TOKEN"));
        }
        String header = authorizationHeader.orElse("");
        // The scheme is case-insensitive (RFC 9110 §11.1); the Node gateway wanted exactly "Bearer ".
        if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(new Denial(401, "Unauthorized"));
        }
        // Comparing fixed-length digests keeps the time independent of where, and whether, lengths differ.
        byte[] presented = sha256(header.substring(7));
        if (!MessageDigest.isEqual(presented, tokenDigest)) {
            return Optional.of(new Denial(401, "Unauthorized"));
        }
        return Optional.empty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
