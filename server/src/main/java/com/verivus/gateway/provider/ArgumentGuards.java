package com.verivus.gateway.provider;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** The checks every adapter runs on user values before any argv is built or anything is spawned. */
public final class ArgumentGuards {

    /** Prefix of the session ids the gateway generates for Grok/Mistral bookkeeping. */
    public static final String RESERVED_SESSION_PREFIX = "gw-";

    private ArgumentGuards() {
    }

    /** A value that starts with "-" would be read by the CLI as a flag: refuse it. */
    public static void rejectOptionLike(List<String> values, String field) {
        if (values == null) {
            return;
        }
        for (String v : values) {
            rejectOptionLike(v, field);
        }
    }

    public static void rejectOptionLike(String value, String field) {
        if (value != null && value.startsWith("-")) {
            throw new ProviderRequestException("Invalid " + field + " value \"" + value
                    + "\": values must not start with \"-\" (argument injection prevention)");
        }
    }

    /**
     * For a CLI whose option parser could not be checked (grok and vibe are not published where it could be
     * run): a value starting with "-" is refused rather than risked as a flag.
     */
    public static void rejectLeadingDash(String value, String field, CliName cli) {
        if (FlagValue.startsWithDash(value)) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
            throw new ProviderRequestException("Invalid " + field + " \"" + shown + "\" for " + cli.executable()
                    + ": a value starting with \"-\" could be read by the " + cli.executable() + " CLI as an option, "
                    + "so it is not passed; rephrase it so that it does not start with \"-\"");
        }
    }

    /** Gateway-generated ids (gw-...) are not the CLI's sessions and cannot be resumed. */
    public static void rejectReservedSessionId(String sessionId) {
        if (sessionId != null && sessionId.startsWith(RESERVED_SESSION_PREFIX)) {
            throw new ProviderRequestException("Session ID \"" + sessionId + "\" uses reserved prefix \"gw-\". "
                    + "Gateway-generated session IDs cannot be used for --resume.");
        }
    }

    /** Each path must exist (relative paths against the gateway's working directory, as the CLI sees them). */
    public static void requireExisting(List<String> paths, String field, Path workingDirectory) {
        if (paths == null) {
            return;
        }
        for (String p : paths) {
            if (!exists(p, workingDirectory)) {
                throw new ProviderRequestException(field + ": path does not exist: " + p);
            }
        }
    }

    /** Each path must be absolute and exist. */
    public static void requireAbsoluteExisting(List<String> paths, String field) {
        if (paths == null) {
            return;
        }
        for (String p : paths) {
            if (!isAbsolute(p)) {
                throw new ProviderRequestException(field + ": path is not absolute: " + p);
            }
            if (!exists(p, null)) {
                throw new ProviderRequestException(field + ": path does not exist: " + p);
            }
        }
    }

    private static boolean isAbsolute(String p) {
        try {
            return Path.of(p).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean exists(String p, Path workingDirectory) {
        if (p == null || p.isEmpty()) {
            return false;
        }
        try {
            Path path = Path.of(p);
            if (!path.isAbsolute() && workingDirectory != null) {
                path = workingDirectory.resolve(path);
            }
            return Files.exists(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
