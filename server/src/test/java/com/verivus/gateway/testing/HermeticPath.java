package com.verivus.gateway.testing;

import com.verivus.gateway.process.ExtendedPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The PATH every test gives a gateway or a CLI: the test's own fakes first, then the system's tools
 * and nothing else. "The system's tools" is one directory of links, made once per test JVM, to every
 * executable of {@code /usr/bin} and {@code /bin} (and to the {@code python3} and {@code git} the test JVM
 * finds, when those live elsewhere) except the provider CLIs: with Debian's npm a global
 * {@code npm install -g @anthropic-ai/claude-code} lands in {@code /usr/bin}, and a test that deletes a fake
 * to see "not found" must not find the real one there.
 */
public final class HermeticPath {

    /** Names a test never resolves to anything but its own fake. */
    public static final Set<String> PROVIDER_CLIS = Set.of("claude", "codex", "gemini", "grok", "vibe",
            "mistral-vibe", "vibe-acp");

    private static final Path SYSTEM_TOOLS = linkSystemTools();

    private HermeticPath() {
    }

    /** The directory of links to the system's tools. */
    public static String systemTools() {
        return SYSTEM_TOOLS.toString();
    }

    /** {@code bin} first, then the system's tools. */
    public static String withFakes(Path bin) {
        return bin.toAbsolutePath() + ":" + SYSTEM_TOOLS;
    }

    /**
     * The variables a child gateway or an in-process engine needs to be hermetic: PATH as given,
     * HOME, LANG, and an empty {@link ExtendedPath#OVERRIDE_ENV} so the engine adds no install
     * locations (~/.local/bin, /usr/local/bin, /usr/bin, nvm) before that PATH.
     */
    public static Map<String, String> environment(String path, Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", path);
        env.put("HOME", home.toAbsolutePath().toString());
        env.put("LANG", "C.UTF-8");
        env.put(ExtendedPath.OVERRIDE_ENV, "");
        return env;
    }

    private static Path linkSystemTools() {
        try {
            Path dir = Files.createTempDirectory("gateway-test-system-tools");
            for (String system : new String[] {"/usr/bin", "/bin"}) {
                link(dir, Path.of(system));
            }
            for (String tool : new String[] {"python3", "git", "sqlite3"}) {
                Path link = dir.resolve(tool);
                if (!Files.exists(link)) {
                    onJvmPath(tool).ifPresent(target -> createLink(link, target));
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path dir, Path system) throws IOException {
        if (!Files.isDirectory(system)) {
            return;
        }
        try (Stream<Path> entries = Files.list(system)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                Path link = dir.resolve(name);
                if (!PROVIDER_CLIS.contains(name) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)
                        && Files.isExecutable(entry) && !Files.isDirectory(entry)) {
                    createLink(link, entry);
                }
            }
        }
    }

    private static Optional<Path> onJvmPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(":")) {
            Path candidate = Path.of(d.isEmpty() ? "." : d, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static void createLink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory of links is harmless
        }
    }
}
