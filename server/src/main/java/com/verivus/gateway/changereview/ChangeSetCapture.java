package com.verivus.gateway.changereview;

import com.verivus.gateway.process.GitCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Captures a repository's change set with the git CLI into one canonical artifact: the commits since
 * the base (their messages and their diff), the staged diff, the unstaged diff and the regular
 * untracked files that {@code .gitignore} does not exclude. Every diff is taken with {@code --text
 * --no-ext-diff --no-textconv} and fixed options (prefixes, algorithm, context, no renames), so that
 * neither {@code .gitattributes} nor the user's git config hides or reshapes a change, and the same
 * change set always gives the same bytes and the same SHA-256.
 */
public final class ChangeSetCapture {

    public static final int DEFAULT_MAX_BYTES = 100_000;
    /**
     * Linux limits one argv string to 128 KiB and every reviewer gets the artifact in its prompt
     * argument, with the fence around it.
     */
    public static final int MAX_MAX_BYTES = 120_000;
    public static final Duration DEFAULT_GIT_TIMEOUT = Duration.ofSeconds(30);

    private static final List<String> DIFF_OPTIONS = List.of("--text", "--no-ext-diff", "--no-textconv",
            "--no-color", "--no-renames", "--diff-algorithm=myers", "--unified=3", "--src-prefix=a/",
            "--dst-prefix=b/", "--ignore-submodules=none");
    private static final String LOG_FORMAT = "--format=commit %H%nAuthor: %an <%ae>%nDate:   %aI%n%n%w(0,4,4)%B";

    private final GitCommand git;

    public ChangeSetCapture(Map<String, String> environment, Duration gitTimeout) {
        this.git = new GitCommand(Path.of("/"), gitTimeout, environment);
    }

    public ChangeSetCapture() {
        this(System.getenv(), DEFAULT_GIT_TIMEOUT);
    }

    /**
     * @param repo     any path inside the repository
     * @param base     a commit-ish the committed part starts from (its merge base with HEAD); null = the
     *                 merge base with the upstream branch, else HEAD~1
     * @param include  the parts to capture (at least one)
     * @param maxBytes the largest artifact accepted
     * @throws ChangeSetException when the path is not in a work tree, the base is unknown, git fails or
     *                            times out, or the artifact exceeds {@code maxBytes}
     */
    public ChangeSet capture(Path repo, String base, Set<ChangePart> include, int maxBytes) {
        Objects.requireNonNull(repo, "repo");
        if (include.isEmpty()) {
            throw new ChangeSetException("include must name at least one of " + String.join(", ", ChangePart.keys()));
        }
        if (maxBytes < 1 || maxBytes > MAX_MAX_BYTES) {
            throw new ChangeSetException("maxBytes must be between 1 and " + MAX_MAX_BYTES + " (each reviewer gets the "
                    + "change set inside one command-line argument, which Linux caps at 128 KiB)");
        }
        if (base != null && (base.isBlank() || base.startsWith("-"))) {
            throw new ChangeSetException("base must be a commit, branch or tag name, not '" + base + "'");
        }
        Path root = root(repo);
        GitCommand inRoot = git.in(root);
        String head = commit(inRoot, "HEAD");
        List<ChangePart> parts = Arrays.stream(ChangePart.values()).filter(include::contains).toList();

        StringBuilder artifact = new StringBuilder();
        List<String> binary = new ArrayList<>();
        String baseCommit = null;
        Budget budget = new Budget(maxBytes);
        if (parts.contains(ChangePart.COMMITTED) && head != null) {
            baseCommit = baseCommit(inRoot, base);
        } else if (base != null && !parts.contains(ChangePart.COMMITTED)) {
            throw new ChangeSetException("base applies to committed changes, but include does not list \"committed\"");
        }
        artifact.append("change set\n");
        artifact.append("base: ").append(baseCommit == null ? "(none)" : baseCommit).append('\n');
        artifact.append("head: ").append(head == null ? "(no commits)" : head).append('\n');
        artifact.append("included: ").append(String.join(", ", parts.stream().map(ChangePart::key).toList()))
                .append("\n");
        for (ChangePart part : parts) {
            artifact.append("\n=== ").append(part.key()).append(" ===\n");
            switch (part) {
                case COMMITTED -> committed(inRoot, baseCommit, head, artifact, binary, budget);
                case STAGED -> diff(inRoot, head == null ? List.of("diff", "--cached") : List.of("diff", "--cached", "HEAD"),
                        artifact, binary, budget);
                case UNSTAGED -> diff(inRoot, List.of("diff"), artifact, binary, budget);
                case UNTRACKED -> untracked(inRoot, root, artifact, binary, budget);
            }
            budget.check(artifact);
        }
        byte[] bytes = artifact.toString().getBytes(StandardCharsets.UTF_8);
        budget.check(bytes.length);
        return new ChangeSet(root, baseCommit, head, parts, artifact.toString(), sha256(bytes), bytes.length, binary);
    }

    // ---------------------------------------------------------------- parts

    private void committed(GitCommand g, String baseCommit, String head, StringBuilder artifact, List<String> binary,
                           Budget budget) {
        if (head == null) {
            artifact.append("(no commits)\n");
            return;
        }
        String range = baseCommit == null ? head : baseCommit + ".." + head;
        GitCommand.Output log = run(g, budget.cap(), "log", "--no-color", "--no-decorate", LOG_FORMAT, range, "--");
        requireOk(log, "git log " + range);
        budget.requireFits(log);
        artifact.append(new String(log.stdout(), StandardCharsets.UTF_8));
        if (!artifact.isEmpty() && artifact.charAt(artifact.length() - 1) != '\n') {
            artifact.append('\n');
        }
        String from = baseCommit != null ? baseCommit : emptyTree(g);
        artifact.append("--- diff ").append(baseCommit == null ? "(empty tree)" : baseCommit).append(" ")
                .append(head).append(" ---\n");
        diff(g, List.of("diff", from, head), artifact, binary, budget);
    }

    private void diff(GitCommand g, List<String> command, StringBuilder artifact, List<String> binary, Budget budget) {
        List<String> args = new ArrayList<>(command.subList(0, 1));
        args.addAll(DIFF_OPTIONS);
        args.addAll(command.subList(1, command.size()));
        args.add("--");
        GitCommand.Output out = run(g, budget.cap(), args);
        requireOk(out, "git " + String.join(" ", command));
        budget.requireFits(out);
        DiffText.Result text = DiffText.of(out.stdout());
        artifact.append(text.text());
        binary.addAll(text.binaryFiles());
    }

    private void untracked(GitCommand g, Path root, StringBuilder artifact, List<String> binary, Budget budget) {
        GitCommand.Output out = run(g, 1 << 20, "ls-files", "--others", "--exclude-standard", "-z", "--");
        requireOk(out, "git ls-files --others");
        TreeSet<String> paths = new TreeSet<>();
        for (String p : new String(out.stdout(), StandardCharsets.UTF_8).split("\0")) {
            if (!p.isEmpty()) {
                paths.add(p);
            }
        }
        for (String p : paths) {
            Path file = root.resolve(p).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                artifact.append("untracked, not a regular file (not read): ").append(p).append('\n');
                continue;
            }
            try {
                if (Files.size(file) > budget.cap()) {
                    budget.check(Files.size(file));
                }
                byte[] content = Files.readAllBytes(file);
                if (!DiffText.isText(content)) {
                    artifact.append("diff --git a/").append(p).append(" b/").append(p).append('\n')
                            .append("new file (untracked)\n")
                            .append("Binary content not inlined (").append(content.length).append(" bytes)\n");
                    binary.add(p);
                    continue;
                }
                appendNewFile(artifact, p, new String(content, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ChangeSetException("Could not read the untracked file " + p + ": " + e.getMessage());
            }
            budget.check(artifact);
        }
    }

    /** An untracked text file as the diff git would show once it is added. */
    private static void appendNewFile(StringBuilder artifact, String path, String content) {
        artifact.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
                .append("new file (untracked)\n");
        if (content.isEmpty()) {
            return;
        }
        List<String> lines = content.lines().toList();
        artifact.append("--- /dev/null\n+++ b/").append(path).append('\n')
                .append("@@ -0,0 +1").append(lines.size() == 1 ? "" : "," + lines.size()).append(" @@\n");
        for (String line : lines) {
            artifact.append('+').append(line).append('\n');
        }
        if (!content.endsWith("\n")) {
            artifact.append("\\ No newline at end of file\n");
        }
    }

    // ---------------------------------------------------------------- commits

    private Path root(Path repo) {
        Path dir;
        try {
            dir = repo.toRealPath();
        } catch (IOException e) {
            throw new ChangeSetException("repo " + repo + " does not exist or cannot be read: " + e.getMessage());
        }
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        GitCommand.Output top = run(git.in(dir), 64 * 1024, "rev-parse", "--show-toplevel");
        if (!top.ok() || top.line().isEmpty()) {
            throw new ChangeSetException("repo " + repo + " is not inside a git work tree"
                    + (top.stderr().isEmpty() ? "" : " (" + top.stderr() + ")"));
        }
        try {
            return Path.of(top.line()).toRealPath();
        } catch (IOException e) {
            throw new ChangeSetException("the repository root " + top.line() + " cannot be read: " + e.getMessage());
        }
    }

    /** The commit a name resolves to, or null when it resolves to none. */
    private static String commit(GitCommand g, String name) {
        GitCommand.Output out = run(g, 4096, "rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}");
        return out.ok() ? out.line() : null;
    }

    private String baseCommit(GitCommand g, String base) {
        if (base != null) {
            String resolved = commit(g, base);
            if (resolved == null) {
                throw new ChangeSetException("base '" + base + "' is not a commit in this repository");
            }
            return mergeBase(g, resolved, base);
        }
        String upstream = commit(g, "@{upstream}");
        if (upstream != null) {
            return mergeBase(g, upstream, "the upstream branch");
        }
        return commit(g, "HEAD~1");
    }

    private static String mergeBase(GitCommand g, String commit, String what) {
        GitCommand.Output out = run(g, 4096, "merge-base", commit, "HEAD");
        if (!out.ok()) {
            throw new ChangeSetException(what + " shares no history with HEAD; pass a base that does");
        }
        return out.line();
    }

    private static String emptyTree(GitCommand g) {
        GitCommand.Output out = run(g, 4096, "hash-object", "-t", "tree", "--stdin");
        requireOk(out, "git hash-object -t tree");
        return out.line();
    }

    /** Runs git; a git that cannot run or overruns its time bound is a change set that cannot be captured. */
    private static GitCommand.Output run(GitCommand g, int cap, String... args) {
        return run(g, cap, List.of(args));
    }

    private static GitCommand.Output run(GitCommand g, int cap, List<String> args) {
        try {
            return g.run(cap, args);
        } catch (GitCommand.Failure e) {
            throw new ChangeSetException(e.getMessage());
        }
    }

    private static void requireOk(GitCommand.Output out, String what) {
        if (!out.ok()) {
            throw new ChangeSetException(what + " failed (exit " + out.exitCode() + ")"
                    + (out.stderr().isEmpty() ? "" : ": " + out.stderr()));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The size limit, with the error that says how to narrow the change set. */
    private record Budget(int maxBytes) {

        int cap() {
            return maxBytes + 1;
        }

        void requireFits(GitCommand.Output out) {
            if (out.overflowed()) {
                check((long) maxBytes + 1);
            }
        }

        void check(CharSequence artifact) {
            // chars <= UTF-8 bytes: a cheap early refusal; the exact count is checked at the end
            if (artifact.length() > maxBytes) {
                check((long) artifact.length());
            }
        }

        void check(long bytes) {
            if (bytes > maxBytes) {
                throw new ChangeSetException("The change set is larger than maxBytes (" + maxBytes + " bytes"
                        + (bytes > maxBytes + 1 ? "; at least " + bytes + " bytes" : "") + "). Narrow it: pass a "
                        + "base closer to HEAD (e.g. \"HEAD~1\"), include fewer parts (e.g. [\"staged\"]), commit or "
                        + "stash unrelated work, add generated or vendored files to .gitignore, or raise maxBytes "
                        + "(at most " + MAX_MAX_BYTES + ").");
            }
        }
    }
}
