package com.verivus.gateway.provider;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the version out of what {@code <cli> --version} printed. CLIs print warnings around it: codex 0.171.0
 * writes {@code WARNING: proceeding, even though we could not create PATH aliases...} to stderr before
 * {@code codex-cli 0.171.0} on stdout, so "the first line of the merged output" is a warning. The version is
 * the first line with a dotted number, stdout before stderr; failing that, the first non-blank stdout line,
 * then stderr's. One rule for the doctor, {@code cli_versions}, the validation tools and {@code contracts}.
 */
public final class CliVersion {

    static final int MAX_CHARS = 200;
    private static final Pattern DOTTED_NUMBER = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern WARNING = Pattern.compile("^(?i:warn(?:ing)?|error|deprecat\\w*)\\b");

    private CliVersion() {
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
