package com.verivus.gateway.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time codes of the console's login link ({@code /login?code=...}). A code is
 * {@code <expiry epoch seconds>.<random nonce>.<HMAC-SHA256 of both, keyed by the bearer token>}, so
 * any process that knows the token ({@code gateway start}, {@code gateway status}) can mint one for the
 * running gateway without talking to it. The gateway accepts a code once, before it expires, and at most
 * {@link #LIFETIME} ahead (a code minted with a far expiry is refused).
 */
public final class LoginCodes {

    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final byte[] key;
    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    public LoginCodes(String token) {
        this.key = token.getBytes(StandardCharsets.UTF_8);
    }

    /** A new code, valid for {@link #LIFETIME} from {@code now}. */
    public static String mint(String token, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = now.plus(LIFETIME).getEpochSecond() + "." + HEX.formatHex(nonce);
        return payload + "." + HEX.formatHex(mac(token.getBytes(StandardCharsets.UTF_8), payload));
    }

    /** True once for a genuine, unexpired code; false for anything else, including a second use. */
    public boolean redeem(String code, Instant now) {
        if (code == null) {
            return false;
        }
        String[] parts = code.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,12}") || !parts[1].matches("[0-9a-f]{32}")
                || !parts[2].matches("[0-9a-f]{64}")) {
            return false;
        }
        byte[] expected = mac(key, parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, HEX.parseHex(parts[2]))) {
            return false;
        }
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        if (!now.isBefore(expiry) || expiry.isAfter(now.plus(LIFETIME).plus(CLOCK_SKEW))) {
            return false;
        }
        used.values().removeIf(until -> until.isBefore(now));
        return used.putIfAbsent(parts[1], expiry) == null;
    }

    private static byte[] mac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("console-login:" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a required JDK algorithm", e);
        }
    }
}
