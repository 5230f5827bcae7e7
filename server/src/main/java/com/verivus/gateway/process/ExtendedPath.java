package com.verivus.gateway.process;

import com.verivus.gateway.config.GatewayEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The PATH a CLI is spawned with: the usual install locations of the provider CLIs first
 * ({@code ~/.local/bin}, {@code /usr/local/bin}, {@code /usr/bin}, every {@code ~/.nvm/versions/node/*&#47;bin}),
 * then the gateway's own PATH. The Node gateway also puts its own node's directory second, so that
 * {@code #!/usr/bin/env node} CLIs find a node; a JVM's directory does nothing for them, so it is left out.
 * nvm directories are listed newest version first (so {@code env node} picks the newest) and read once
 * per home directory.
 *
 * <p>{@value #OVERRIDE_ENV}, when set, replaces those install locations ({@code ~/} expanded, {@code :}-separated;
 * empty = the gateway's PATH alone). Without it nobody could make the gateway run exactly the CLI their own PATH
 * names: a CLI in {@code /usr/bin} would always shadow it (the test suite needs that control too).
 */
public final class ExtendedPath {

    /** Replaces the install locations searched before PATH. */
    public static final String OVERRIDE_ENV = "LLM_GATEWAY_CLI_PATH";

    private static final Map<Path, List<String>> NVM_BIN_DIRS = new ConcurrentHashMap<>();

    private ExtendedPath() {
    }

    /** The extended PATH for a gateway running in {@code env}. */
    public static String of(GatewayEnvironment env) {
        LinkedHashSet<String> dirs = new LinkedHashSet<>();
        Optional<String> override = env.get(OVERRIDE_ENV);
        if (override.isPresent()) {
            for (String dir : override.get().split(":")) {
                if (!dir.isBlank()) {
                    dirs.add(env.expandHome(dir.strip()));
                }
            }
        } else {
            dirs.add(env.home().resolve(".local").resolve("bin").toString());
            dirs.add("/usr/local/bin");
            dirs.add("/usr/bin");
            dirs.addAll(NVM_BIN_DIRS.computeIfAbsent(env.home(), ExtendedPath::nvmBinDirs));
        }
        List<String> parts = new ArrayList<>(dirs);
        String original = env.variables().getOrDefault("PATH", "");
        if (!original.isEmpty()) {
            parts.add(original);
        }
        return String.join(":", parts);
    }

    private static List<String> nvmBinDirs(Path home) {
        Path versions = home.resolve(".nvm").resolve("versions").resolve("node");
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(versions)) {
            return entries.filter(Files::isDirectory)
                    .sorted(Comparator.comparing((Path p) -> NodeVersion.parse(p.getFileName().toString())).reversed())
                    .map(p -> p.resolve("bin").toString())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** v20.11.1 style directory names, compared numerically; anything else sorts last. */
    private record NodeVersion(int major, int minor, int patch) implements Comparable<NodeVersion> {
        static NodeVersion parse(String name) {
            String[] parts = name.replaceFirst("^v", "").split("\\.");
            int[] n = new int[] {-1, -1, -1};
            for (int i = 0; i < Math.min(3, parts.length); i++) {
                try {
                    n[i] = Integer.parseInt(parts[i]);
                } catch (NumberFormatException e) {
                    break;
                }
            }
            return new NodeVersion(n[0], n[1], n[2]);
        }

        @Override
        public int compareTo(NodeVersion o) {
            return Comparator.comparingInt(NodeVersion::major).thenComparingInt(NodeVersion::minor)
                    .thenComparingInt(NodeVersion::patch).compare(this, o);
        }
    }
}
