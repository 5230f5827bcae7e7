package com.verivus.gateway.mcp;

import com.verivus.gateway.log.GatewayLog;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error result of the request and session tools (the Node gateway's createErrorResponse):
 * {@code isError: true}, text starting {@code Error executing <cli> CLI}, and structuredContent
 * {@code {correlationId, cli, exitCode, errorCategory}} so that a client can branch on the category.
 * {@code <cli>} is a provider key or, for failures inside a tool handler, the tool's name.
 */
public final class CliErrorResult {

    /** Exit code for a wall-clock timeout. */
    public static final int TIMEOUT_EXIT = 124;
    /** Exit code for a process killed for inactivity. */
    public static final int IDLE_TIMEOUT_EXIT = 125;
    /** Exit code for a CLI that is not installed (spawn ENOENT). */
    public static final int NOT_FOUND_EXIT = 127;

    /** The closed set of categories a client can branch on. */
    public enum Category {
        TIMEOUT("timeout"), IDLE_TIMEOUT("idle_timeout"), SPAWN_ERROR("spawn_error"), CLI_ERROR("cli_error");

        private final String json;

        Category(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        /** 124 and 125 win over a thrown error, as in the Node gateway. */
        public static Category of(int code, boolean thrown) {
            if (code == TIMEOUT_EXIT) {
                return TIMEOUT;
            }
            if (code == IDLE_TIMEOUT_EXIT) {
                return IDLE_TIMEOUT;
            }
            return thrown ? SPAWN_ERROR : CLI_ERROR;
        }
    }

    private CliErrorResult() {
    }

    /** A CLI that ended with a non-zero exit code (or was killed): the stderr goes into the text. */
    public static CallToolResult exit(String cli, int code, String stderr, String correlationId) {
        return build(cli, code, stderr, correlationId, null);
    }

    /** An exception inside a tool handler (session I/O, a rejected id, ...): exit code 1, spawn_error. */
    public static CallToolResult exception(String operation, Throwable error) {
        return build(operation, 1, "", null, error);
    }

    /** The full form: with {@code error} the text carries its message, else the exit-code wording. */
    public static CallToolResult build(String cli, int code, String stderr, String correlationId, Throwable error) {
        String text = text(cli, code, stderr == null ? "" : stderr, error);
        String tag = "[" + (correlationId == null || correlationId.isEmpty() ? "unknown" : correlationId) + "] ";
        if (error != null) {
            GatewayLog.error(tag + cli + " CLI execution failed: " + message(error));
        } else if (code == TIMEOUT_EXIT) {
            GatewayLog.error(tag + cli + " CLI timed out");
        } else if (code == IDLE_TIMEOUT_EXIT) {
            GatewayLog.error(tag + cli + " CLI killed due to inactivity");
        } else if (code != 0) {
            GatewayLog.error(tag + cli + " CLI failed with exit code " + code);
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("correlationId", correlationId == null || correlationId.isEmpty() ? null : correlationId);
        structured.put("cli", cli);
        structured.put("exitCode", code);
        structured.put("errorCategory", Category.of(code, error != null).json());
        return ToolResults.structured(text, structured, true);
    }

    static String text(String cli, int code, String stderr, Throwable error) {
        StringBuilder text = new StringBuilder("Error executing ").append(cli).append(" CLI");
        if (error != null) {
            String message = message(error);
            text.append(":\n").append(message);
            if (message.contains("ENOENT")) {
                text.append("\n\nThe '").append(cli).append("' command was not found. Please ensure ").append(cli)
                        .append(" CLI is installed and in your PATH.");
            }
        } else if (code == TIMEOUT_EXIT) {
            text.append(": Command timed out\n").append(stderr);
        } else if (code == IDLE_TIMEOUT_EXIT) {
            text.append(": Process killed due to inactivity\n").append(stderr);
        } else if (code != 0) {
            text.append(" (exit code ").append(code).append("):\n").append(stderr);
        }
        return text.toString();
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }
}
