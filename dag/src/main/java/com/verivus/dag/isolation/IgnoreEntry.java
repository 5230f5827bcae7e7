package com.verivus.dag.isolation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Makes the repository's .gitignore cover a path, adding one anchored line only when the existing
 * rules do not already cover it, and then asks git (in a work tree) whether it really is ignored.
 */
final class IgnoreEntry {

    private IgnoreEntry() {
    }

    /**
     * @param target the path that must be ignored
     * @param directory whether it is a directory (the line gets a trailing slash)
     * @param probes repository-relative files git is asked about (a directory is checked through files in it)
     */
    static Optional<Finding> ensure(RunContext context, StepResult.Builder out, String unitId, Gate gate, Path target,
                                    boolean directory, List<String> probes) throws IOException {
        Path gitignorePath = context.instance().gitignore();
        Path base = gitignorePath.getParent();
        String relative = base.relativize(target).toString().replace('\\', '/');
        String line = "/" + relative + (directory ? "/" : "");
        GitignoreFile gitignore = GitignoreFile.read(context.files(), gitignorePath);
        if (gitignore.rules().ignores(relative, directory)) {
            out.line(context.instance().relative(gitignorePath) + " already covers " + relative);
        } else if (gitignore.hasLine(line)) {
            return Optional.of(Finding.of(gate, unitId,
                    context.instance().relative(gitignorePath) + " has the line `" + line
                            + "` but a later rule re-includes " + relative,
                    relative + " ignored by " + context.instance().relative(gitignorePath),
                    "remove the `!` rule that re-includes " + relative + " from " + gitignorePath + ", then re-run"));
        } else {
            gitignore.append(line);
            out.artefact(gitignorePath).changed();
            gitignore.write(context.files());
            String name = context.instance().relative(gitignorePath);
            String prefix = context.dryRun() ? "would have " : "";
            out.line(prefix + (gitignore.exists() ? "added `" + line + "` to " + name
                    : "created " + name + " with `" + line + "`"));
        }
        if (!context.dryRun() && context.git().isWorkTree()) {
            for (String probe : probes) {
                if (!context.git().ignores(probe)) {
                    return Optional.of(Finding.of(gate, unitId, "git does not ignore " + probe
                                    + " (git check-ignore), although " + context.instance().relative(gitignorePath)
                                    + " covers " + relative,
                            probe + " ignored by git",
                            "look for a rule that re-includes it: git check-ignore -v --no-index " + probe
                                    + " (a nested .gitignore or .git/info/exclude can override the top-level file)"));
                }
            }
            out.line("git check-ignore confirms: " + String.join(", ", probes));
        }
        return Optional.empty();
    }
}
