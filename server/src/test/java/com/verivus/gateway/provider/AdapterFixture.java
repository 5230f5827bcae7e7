package com.verivus.gateway.provider;

import com.verivus.gateway.config.GatewayEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A temp HOME, working directory and data directory, and fixed ids, for adapter tests. */
public final class AdapterFixture {

    public static final String UUID_1 = "11111111-1111-4111-8111-111111111111";
    public static final String UUID_2 = "22222222-2222-4222-8222-222222222222";

    public final Path home;
    public final Path cwd;
    public final Path data;
    public final Path temp;
    private final Map<String, String> vars = new HashMap<>();
    private final Map<String, String> threads = new HashMap<>();

    public AdapterFixture(Path root) {
        try {
            home = Files.createDirectories(root.resolve("home"));
            cwd = Files.createDirectories(root.resolve("work"));
            data = root.resolve("data");
            temp = Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AdapterFixture env(String name, String value) {
        vars.put(name, value);
        return this;
    }

    /** Records that gateway session {@code sessionId} ran Codex thread {@code threadId}. */
    public AdapterFixture thread(String sessionId, String threadId) {
        threads.put(sessionId, threadId);
        return this;
    }

    public GatewayEnvironment environment() {
        Map<String, String> all = new HashMap<>(vars);
        all.put("HOME", home.toString());
        return new GatewayEnvironment(all, home, cwd);
    }

    /** A context whose id source yields UUID_1, then UUID_2 (a fresh sequence per call). */
    public PrepareContext context() {
        Deque<String> ids = new ArrayDeque<>(List.of(UUID_1, UUID_2));
        return new PrepareContext(environment(), data, temp, () -> ids.isEmpty() ? UUID_2 : ids.pop(),
                id -> java.util.Optional.ofNullable(threads.get(id)));
    }

    public Path file(String name, String content) {
        try {
            return Files.writeString(cwd.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
