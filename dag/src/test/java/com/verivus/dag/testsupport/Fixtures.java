package com.verivus.dag.testsupport;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the shared fixture corpus: {@code <repo.root>/../shared/fixtures} (the project's shared
 * folder beside the checkout), else {@code /work/shared/fixtures}, else the copy under
 * src/test/resources/fixtures that travels with the repository (so CI needs no sibling folder).
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root() {
        String repoRoot = System.getProperty("repo.root");
        if (repoRoot != null) {
            Path sibling = Path.of(repoRoot).resolve("../shared/fixtures").normalize();
            if (Files.isDirectory(sibling.resolve("agent-assurance"))) {
                return sibling;
            }
        }
        Path shared = Path.of("/work/shared/fixtures");
        if (Files.isDirectory(shared.resolve("agent-assurance"))) {
            return shared;
        }
        return bundled();
    }

    /** The copy that ships in src/test/resources. */
    public static Path bundled() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/agent-assurance/README.md").toURI())
                    .getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path implementationDag() {
        return root().resolve("agent-assurance/implementation-dag");
    }

    public static Path readmeDag() {
        return root().resolve("llm-cli-gateway/readme-per-project-isolation.dag.toml");
    }

    /** The repository root (where isolate.java and jbang live). */
    public static Path repoRoot() {
        String repoRoot = System.getProperty("repo.root");
        Path root = repoRoot != null ? Path.of(repoRoot) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    public static List<Path> tomlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".toml") && !p.toString().endsWith(".expected.toml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }
}
