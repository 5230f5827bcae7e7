package com.verivus.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import java.util.ArrayList;
import java.util.List;

/**
 * What a failed CLI run said, for the error a client gets. The Node gateway shows stderr alone, which is
 * empty for the commonest failure of all: claude prints {@code Not logged in · Please run /login} on stdout
 * (in stream-json as the text of a {@code result} event with {@code is_error}) and exits 1. So: stderr when
 * there is any; else the error event of a machine-readable format (claude json/stream-json {@code result},
 * codex {@code --json} {@code error}/{@code turn.failed}, gemini json {@code error}); else the job's own error
 * (missing binary, killed); else the last lines of stdout. A known "not logged in" answer gets the login
 * command appended.
 */
public final class FailureDetail {

    static final int TAIL_LINES = 20;
    static final int TAIL_CHARS = 2000;
    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private FailureDetail() {
    }

    /**
     * The detail of a failed run.
     *
     * @param outputFormat the requested output format (null = text)
     * @param error the job's error (missing binary, idle timeout, ...), or null
     */
    public static String describe(CliName cli, String outputFormat, String stdout, String stderr, String error) {
        String out = stdout == null ? "" : stdout;
        String err = stderr == null ? "" : stderr;
        String event = errorEvent(cli, outputFormat, out);
        StringBuilder text = new StringBuilder();
        if (!err.isBlank()) {
            if (event != null && !err.contains(event)) {
                text.append(event).append('\n');
            }
            text.append(err);
        } else if (error != null && !error.isBlank()) {
            text.append(error);
        } else if (event != null) {
            text.append(event);
        } else {
            text.append(tail(out));
        }
        LoginRequired.hint(cli, out + "\n" + err).ifPresent(h -> {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            text.append('\n').append(h);
        });
        return text.toString();
    }

    /** The last {@link #TAIL_LINES} lines of {@code stdout}, at most {@link #TAIL_CHARS} characters. */
    static String tail(String stdout) {
        String s = stdout.stripTrailing();
        if (s.isEmpty()) {
            return "";
        }
        int from = s.length();
        for (int lines = 0; lines < TAIL_LINES && from > 0; lines++) {
            from = s.lastIndexOf('\n', from - 1);
            if (from < 0) {
                from = 0;
                break;
            }
        }
        String tail = s.substring(from).strip();
        if (tail.length() > TAIL_CHARS) {
            int cut = tail.length() - TAIL_CHARS;
            if (Character.isLowSurrogate(tail.charAt(cut))) {
                cut++;
            }
            tail = "..." + tail.substring(cut);
        } else if (from > 0) {
            tail = "...\n" + tail;
        }
        return tail;
    }

    /** The message of the last error event in a machine-readable stdout, or null. */
    static String errorEvent(CliName cli, String outputFormat, String stdout) {
        if (outputFormat == null || outputFormat.equals("text")) {
            return null;
        }
        List<String> found = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            JsonNode node = parse(line.strip());
            if (node != null) {
                String message = message(cli, node);
                if (message != null && !message.isBlank()) {
                    found.add(message.strip());
                }
            }
        }
        if (found.isEmpty() && (cli == CliName.GEMINI || cli == CliName.CLAUDE)) {
            // pretty-printed single documents span lines
            JsonNode whole = parse(stdout.strip());
            String message = whole == null ? null : message(cli, whole);
            if (message != null && !message.isBlank()) {
                found.add(message.strip());
            }
        }
        return found.isEmpty() ? null : found.getLast();
    }

    private static String message(CliName cli, JsonNode node) {
        return switch (cli) {
            case CLAUDE -> {
                if ("result".equals(node.path("type").asText()) && node.path("is_error").asBoolean(false)) {
                    if (node.path("result").isTextual()) {
                        yield node.path("result").asText();
                    }
                    if (node.path("errors").isArray() && !node.path("errors").isEmpty()) {
                        List<String> errors = new ArrayList<>();
                        node.path("errors").forEach(e -> errors.add(e.isTextual() ? e.asText() : e.toString()));
                        yield String.join("\n", errors);
                    }
                    yield node.path("subtype").asText(null);
                }
                yield null;
            }
            case CODEX -> switch (node.path("type").asText()) {
                case "error" -> node.path("message").asText(null);
                case "turn.failed" -> node.path("error").path("message").asText(null);
                default -> null;
            };
            case GEMINI, GROK, MISTRAL -> node.path("error").path("message").isTextual()
                    ? node.path("error").path("message").asText()
                    : node.path("error").isTextual() ? node.path("error").asText() : null;
        };
    }

    private static JsonNode parse(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }
}
