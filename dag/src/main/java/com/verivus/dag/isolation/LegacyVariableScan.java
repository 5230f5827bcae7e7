package com.verivus.dag.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gate_no_legacy_env_leak}: the legacy variables override {@code [persistence]} at every gateway
 * boot, so they are looked for in the environment this run was given and in the shell init files a
 * login or interactive shell reads (from the given HOME, so tests can point it at a temp directory),
 * plus the repository's direnv {@code .envrc}. Comment lines and {@code unset} lines are not leaks.
 */
final class LegacyVariableScan {

    static final List<String> VARIABLES = List.of("LLM_GATEWAY_LOGS_DB", "LLM_GATEWAY_JOBS_DB");

    private static final Pattern MENTION = Pattern.compile("\\b(LLM_GATEWAY_LOGS_DB|LLM_GATEWAY_JOBS_DB)\\b");
    private static final Pattern HARMLESS = Pattern.compile("\\s*(#.*|unset\\b.*|set\\s+-e\\s.*|set\\s+--erase\\b.*)");

    /** Per-user init files, relative to HOME (bash, zsh, POSIX sh, fish, ksh, csh). */
    static final List<String> HOME_FILES = List.of(".profile", ".bash_profile", ".bash_login", ".bashrc",
            ".bash_aliases", ".zshenv", ".zprofile", ".zshrc", ".zlogin", ".config/fish/config.fish",
            ".kshrc", ".mkshrc", ".cshrc", ".tcshrc", ".envrc");

    /** System-wide init files, searched in production runs only (tests cannot control them). */
    static List<Path> systemFiles() {
        List<Path> files = new ArrayList<>(List.of(Path.of("/etc/environment"), Path.of("/etc/profile"),
                Path.of("/etc/bash.bashrc"), Path.of("/etc/bashrc"), Path.of("/etc/zshenv"), Path.of("/etc/zsh/zshenv"),
                Path.of("/etc/zsh/zshrc"), Path.of("/etc/zsh/zprofile")));
        Path profileD = Path.of("/etc/profile.d");
        if (Files.isDirectory(profileD)) {
            try (DirectoryStream<Path> scripts = Files.newDirectoryStream(profileD, "*.sh")) {
                scripts.forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                // unreadable: nothing to report from it
            }
        }
        return files;
    }

    /** One place a legacy variable is set. */
    record Hit(String variable, String where, String detail) {
    }

    private LegacyVariableScan() {
    }

    static List<Hit> scan(Map<String, String> environment, Path home, Path repo, List<Path> extraFiles) {
        List<Hit> hits = new ArrayList<>();
        for (String variable : VARIABLES) {
            if (environment.containsKey(variable)) {
                hits.add(new Hit(variable, "environment", variable + "=" + environment.get(variable)));
            }
        }
        List<Path> files = new ArrayList<>();
        HOME_FILES.forEach(f -> files.add(home.resolve(f)));
        String zdotdir = environment.get("ZDOTDIR");
        if (zdotdir != null && !zdotdir.isBlank()) {
            List.of(".zshenv", ".zprofile", ".zshrc", ".zlogin").forEach(f -> files.add(Path.of(zdotdir).resolve(f)));
        }
        files.add(repo.resolve(".envrc"));
        files.addAll(extraFiles);
        for (Path file : files.stream().distinct().toList()) {
            scanFile(file, hits);
        }
        return hits;
    }

    private static void scanFile(Path file, List<Hit> hits) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            try {
                lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (HARMLESS.matcher(line).matches()) {
                continue;
            }
            Matcher mention = MENTION.matcher(line);
            if (mention.find()) {
                hits.add(new Hit(mention.group(1), file + ":" + (i + 1), line.strip()));
            }
        }
    }
}
