package com.verivus.gateway.lifecycle;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bearer token of the HTTP gateway: {@code LLM_GATEWAY_AUTH_TOKEN} when set, else the content
 * of {@code ~/.llm-cli-gateway/auth-token}; {@link #ensure} creates that file (0600, 32 random bytes
 * as hex, as the Node installer does) when neither exists.
 *
 * @param source {@code env}, {@code file} or {@code generated}
 */
public record AuthToken(String value, String source) {

    public static final String ENV = "LLM_GATEWAY_AUTH_TOKEN";

    /** The configured token, without creating anything. */
    public static Optional<AuthToken> find(GatewayEnvironment env, GatewayFiles files) throws IOException {
        Optional<String> fromEnv = env.get(ENV).filter(v -> !v.isEmpty());
        if (fromEnv.isPresent()) {
            return Optional.of(new AuthToken(fromEnv.get(), "env"));
        }
        if (Files.isRegularFile(files.authToken())) {
            String stored = Files.readString(files.authToken()).strip();
            if (!stored.isEmpty()) {
                return Optional.of(new AuthToken(stored, "file"));
            }
        }
        return Optional.empty();
    }

    /** The configured token, or a new one stored in the token file. */
    public static AuthToken ensure(GatewayEnvironment env, GatewayFiles files) throws IOException {
        Optional<AuthToken> existing = find(env, files);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        files.ensureDirectory();
        PrivateFiles.writeAtomically(files.authToken(), (token + "\n").getBytes(StandardCharsets.US_ASCII));
        return new AuthToken(token, "generated");
    }
}
