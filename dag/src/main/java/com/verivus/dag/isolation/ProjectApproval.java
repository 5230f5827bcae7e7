package com.verivus.dag.isolation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's approval of a repository's {@code .gateway/config.toml}: its real path as one line of
 * {@code ~/.llm-cli-gateway/approved-projects}, the file the gateway reads before it uses a project
 * configuration it found from its working directory. Appending keeps every other entry and comment.
 */
final class ProjectApproval {

    static final String FILE = ".llm-cli-gateway/approved-projects";
    private static final String HEADER = "# Repositories whose .gateway/config.toml llm-cli-gateway may use when it is started inside them.\n"
            + "# One absolute path per line; written by `jbang isolate@verivus`, delete a line to withdraw the approval.\n";

    private ProjectApproval() {
    }

    static Path file(Path home) {
        return home.resolve(FILE);
    }

    /** @return whether the file had to change (false when the repository was already approved) */
    static boolean ensure(WorkingTree files, Path home, Path repo) throws IOException {
        Path file = file(home);
        String existing = files.read(file).orElse("");
        if (approved(existing, repo)) {
            return false;
        }
        StringBuilder text = new StringBuilder(existing.isEmpty() ? HEADER : existing);
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        text.append(repo).append('\n');
        files.write(file, text.toString());
        return true;
    }

    static boolean approved(String fileText, Path repo) {
        List<String> entries = new ArrayList<>();
        for (String line : fileText.split("\n")) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(entry);
            }
        }
        return entries.stream().anyMatch(e -> Path.of(e).normalize().equals(repo));
    }
}
