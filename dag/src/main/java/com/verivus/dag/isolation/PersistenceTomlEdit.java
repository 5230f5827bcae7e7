package com.verivus.dag.isolation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Merges {@code [persistence] backend = "sqlite"} and {@code path = "<abs>"} into a config.toml as a
 * line edit, so the user's comments, order and other tables survive untouched. Anything it cannot
 * edit safely (not TOML, an inline or dotted persistence table, a backend the user chose) is reported
 * as a {@link Conflict} and the file is left alone.
 */
final class PersistenceTomlEdit {

    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern PERSISTENCE_HEADER = Pattern.compile("\\s*\\[\\s*persistence\\s*\\]\\s*(#.*)?");
    private static final Pattern ANY_HEADER = Pattern.compile("\\s*\\[.*");

    /** The outcome: the new text (equal to the old one when nothing changes), what changed, or a conflict. */
    sealed interface Outcome permits Edited, Conflict {
    }

    record Edited(String text, List<String> changes) implements Outcome {
        boolean changed() {
            return !changes.isEmpty();
        }
    }

    record Conflict(String observed, String remediation) implements Outcome {
    }

    private PersistenceTomlEdit() {
    }

    static String fresh(String dbPath) {
        return "# llm-cli-gateway configuration for this repository, written by `isolate`.\n"
                + "# The job store (and the state kept beside it) lives in this repository, not ~/.llm-cli-gateway.\n"
                + "[persistence]\n"
                + "backend = \"sqlite\"\n"
                + "path = " + TomlText.quoted(dbPath) + "\n";
    }

    static Outcome merge(String existing, String dbPath) {
        JsonNode root;
        try {
            root = TOML.readTree(existing);
        } catch (JacksonException e) {
            return new Conflict("the file is not valid TOML: " + e.getOriginalMessage(),
                    "fix the TOML (or move the file away) and re-run; isolate never overwrites a config it cannot read");
        }
        String eol = existing.contains("\r\n") ? "\r\n" : "\n";
        JsonNode persistence = root.get("persistence");
        if (persistence == null) {
            String text = existing.isEmpty() || existing.endsWith("\n") ? existing : existing + eol;
            text += (text.isEmpty() ? "" : eol) + "[persistence]" + eol + "backend = \"sqlite\"" + eol
                    + "path = " + TomlText.quoted(dbPath) + eol;
            return new Edited(text, List.of("added a [persistence] table (backend = \"sqlite\", path = " + dbPath + ")"));
        }
        JsonNode backend = persistence.get("backend");
        if (backend != null && !"sqlite".equals(backend.asText(null))) {
            return new Conflict("[persistence] backend = " + backend + " (the file selects another backend)",
                    "set backend = \"sqlite\" in [persistence] yourself (or remove the line), then re-run; "
                            + "isolate does not replace a backend you chose");
        }
        JsonNode path = persistence.get("path");
        if (backend != null && path != null && path.isTextual() && path.textValue().equals(dbPath)) {
            return new Edited(existing, List.of());
        }
        List<String> lines = new ArrayList<>(List.of(existing.split("\r?\n", -1)));
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (PERSISTENCE_HEADER.matcher(lines.get(i)).matches()) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            return new Conflict("[persistence] is written as an inline table or dotted keys, which isolate cannot edit "
                    + "line by line", "write it as a [persistence] table (backend = \"sqlite\", path = \"" + dbPath
                    + "\") yourself, then re-run");
        }
        int end = header + 1;
        while (end < lines.size() && !ANY_HEADER.matcher(lines.get(end)).matches()) {
            end++;
        }
        List<String> changes = new ArrayList<>();
        String pathLine = "path = " + TomlText.quoted(dbPath);
        int pathAt = keyLine(lines, header + 1, end, "path");
        if (path == null) {
            lines.add(header + 1, pathLine);
            end++;
            changes.add("added path = " + dbPath + " to [persistence]");
        } else if (!path.isTextual() || !path.textValue().equals(dbPath)) {
            if (pathAt < 0 || !TOML_SINGLE_LINE.matcher(lines.get(pathAt)).matches()) {
                return new Conflict("[persistence] path = " + path + " spans several lines, which isolate cannot edit",
                        "set path = \"" + dbPath + "\" in [persistence] yourself, then re-run");
            }
            lines.set(pathAt, leadingSpace(lines.get(pathAt)) + pathLine);
            changes.add("changed [persistence] path from " + path + " to " + dbPath);
        }
        if (backend == null) {
            lines.add(header + 1, "backend = \"sqlite\"");
            changes.add("added backend = \"sqlite\" to [persistence]");
        }
        String text = String.join(eol, lines);
        Outcome verified = verify(text, dbPath);
        return verified instanceof Conflict ? verified : new Edited(text, changes);
    }

    /** A {@code key = value} line whose value ends on the same line (no multi-line string or array). */
    private static final Pattern TOML_SINGLE_LINE =
            Pattern.compile("\\s*[\"']?path[\"']?\\s*=\\s*(\"([^\"\\\\]|\\\\.)*\"|'[^']*')\\s*(#.*)?");

    private static int keyLine(List<String> lines, int from, int to, String key) {
        Pattern keyPattern = Pattern.compile("\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*=.*");
        for (int i = from; i < to; i++) {
            if (keyPattern.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static String leadingSpace(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(0, i);
    }

    /** Re-reads the edited text: the edit must parse and say exactly what was intended. */
    private static Outcome verify(String text, String dbPath) {
        try {
            JsonNode persistence = TOML.readTree(text).path("persistence");
            if ("sqlite".equals(persistence.path("backend").asText(null))
                    && dbPath.equals(persistence.path("path").asText(null))) {
                return new Edited(text, List.of());
            }
            return new Conflict("merging produced [persistence] = " + persistence,
                    "set backend = \"sqlite\" and path = \"" + dbPath + "\" in [persistence] yourself, then re-run");
        } catch (JacksonException e) {
            return new Conflict("merging would produce invalid TOML (" + e.getOriginalMessage() + ")",
                    "set backend = \"sqlite\" and path = \"" + dbPath + "\" in [persistence] yourself, then re-run");
        }
    }
}
