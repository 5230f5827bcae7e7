package com.verivus.gateway.provider;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.BoundedCommand;
import com.verivus.gateway.process.BoundedCommand.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the version out of what {@code <cli> --version} printed. CLIs print warnings around it: codex 0.171.0
 * writes {@code WARNING: proceeding, even though we could not create PATH aliases...} to stderr before
 * {@code codex-cli 0.171.0} on stdout, so "the first line of the merged output" is a warning. The version is
 * the first line with a dotted number, stdout before stderr; failing that, the first non-blank stdout line,
 * then stderr's. One rule, and one bounded run ({@link #probe}), for the doctor, {@code cli_versions}, the
 * validation tools and {@code contracts}; each words what it found its own way.
 *
 * @param outcome what {@code <exe> --version} did (stdout and stderr captured apart)
 * @param version the version line read from the raw output, or null when it printed nothing
 */
public record CliVersion(Outcome outcome, String version) {

    static final int MAX_CHARS = 200;
    private static final Pattern DOTTED_NUMBER = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern WARNING = Pattern.compile("^(?i:warn(?:ing)?|error|deprecat\\w*)\\b");

    /**
     * Runs {@code <executable> --version} (already looked up on PATH), bounded by {@code timeout} and
     * {@code outputCap} bytes per stream, with {@code extraEnv} over the gateway's inherited variables.
     *
     * @throws IOException when the process cannot be started
     */
    public static CliVersion probe(Path executable, GatewayEnvironment env, Map<String, String> extraEnv,
                                   Duration timeout, int outputCap) throws IOException {
        Outcome o = BoundedCommand.runFound(executable, List.of("--version"), env, extraEnv, timeout, outputCap,
                BoundedCommand.Streams.SEPARATE);
        return new CliVersion(o, parse(o.stdout(), o.stderr()).orElse(null));
    }

    /**
     * The Node gateway's rule for "installed": {@code --version} exited 0 or printed something (a CLI
     * that printed and then hung counts).
     */
    public boolean answered() {
        return outcome.succeeded() || version != null;
    }

    public static Optional<String> parse(String stdout, String stderr) {
        return versionLine(stdout).or(() -> versionLine(stderr)).or(() -> firstLine(stdout))
                .or(() -> firstLine(stderr));
    }

    private static Optional<String> versionLine(String text) {
        return lines(text).filter(l -> DOTTED_NUMBER.matcher(l).find() && !WARNING.matcher(l).find()).findFirst();
    }

    private static Optional<String> firstLine(String text) {
        return lines(text).findFirst();
    }

    private static Stream<String> lines(String text) {
        if (text == null) {
            return Stream.empty();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.length() <= MAX_CHARS ? l : l.substring(0, MAX_CHARS));
    }
}
