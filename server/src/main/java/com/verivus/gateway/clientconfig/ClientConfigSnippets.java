package com.verivus.gateway.clientconfig;

import com.verivus.gateway.json.NodeJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration snippet each MCP client needs to reach this gateway, over stdio (the client
 * starts {@code jbang gateway@verivus}) or over Streamable HTTP (URL plus bearer header). The
 * snippet is exactly what goes into the client's file; the notes say where that file is.
 */
public final class ClientConfigSnippets {

    public static final String SERVER_NAME = "llm-cli-gateway";

    /** A snippet in the client's own format ({@code json} or {@code toml}) and notes for a person. */
    public record Snippet(String format, String text, List<String> notes) {
        public Snippet {
            notes = List.copyOf(notes);
        }
    }

    /**
     * What the HTTP variant needs.
     *
     * @param authorization the Authorization header value ("Bearer ..."), or null when auth is disabled
     */
    public record HttpTarget(String url, String authorization) {
    }

    private ClientConfigSnippets() {
    }

    public static Snippet stdio(ClientKind client, StdioLaunch launch) {
        Map<String, Object> server = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        switch (client) {
            case CLAUDE_CODE -> {
                server.put("type", "stdio");
                notes.add("Put this in .mcp.json at a project root (or ~/.claude.json), or run instead:");
                notes.add("  claude mcp add --scope user " + SERVER_NAME + " --env JAVA_HOME=" + shell(launch.javaHome())
                        + " -- " + shell(launch.command()) + " " + String.join(" ", launch.args()));
            }
            case CLAUDE_DESKTOP -> notes.add(desktopFileNote());
            case GEMINI_CLI -> notes.add("Merge this into ~/.gemini/settings.json (or .gemini/settings.json in a project).");
            case CODEX -> {
                return new Snippet("toml", codexStdio(launch), List.of("Append this to ~/.codex/config.toml. "
                        + "The first start may compile the gateway, hence the long startup timeout."));
            }
            case JSON -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ok", true);
                m.put("name", SERVER_NAME);
                m.put("transport", "stdio");
                m.put("command", launch.command());
                m.put("args", launch.args());
                m.put("env", Map.of("JAVA_HOME", launch.javaHome()));
                return new Snippet("json", NodeJson.pretty(m), List.of());
            }
            default -> throw new IllegalArgumentException(client.option());
        }
        server.put("command", launch.command());
        server.put("args", launch.args());
        server.put("env", Map.of("JAVA_HOME", launch.javaHome()));
        if (client == ClientKind.GEMINI_CLI) {
            server.put("timeout", 600_000); // ms per tool call: provider requests can run for minutes
        }
        return new Snippet("json", NodeJson.pretty(Map.of("mcpServers", Map.of(SERVER_NAME, server))), notes);
    }

    public static Snippet http(ClientKind client, HttpTarget target) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (target.authorization() != null) {
            headers.put("Authorization", target.authorization());
        }
        Map<String, Object> server = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        switch (client) {
            case CLAUDE_CODE -> {
                server.put("type", "http");
                server.put("url", target.url());
                if (!headers.isEmpty()) {
                    server.put("headers", headers);
                }
                notes.add("Put this in .mcp.json at a project root (or ~/.claude.json), or run instead:");
                notes.add("  claude mcp add --transport http --scope user " + SERVER_NAME + " " + target.url()
                        + (target.authorization() == null ? ""
                        : " --header " + shell("Authorization: " + target.authorization())));
            }
            case CLAUDE_DESKTOP -> {
                // Claude Desktop's config file only starts local commands; mcp-remote bridges to HTTP.
                List<String> args = new ArrayList<>(List.of("-y", "mcp-remote", target.url()));
                if (target.authorization() != null) {
                    args.add("--header");
                    args.add("Authorization:${LLM_GATEWAY_AUTHORIZATION}");
                    server.put("command", "npx");
                    server.put("args", args);
                    server.put("env", Map.of("LLM_GATEWAY_AUTHORIZATION", target.authorization()));
                } else {
                    server.put("command", "npx");
                    server.put("args", args);
                }
                notes.add(desktopFileNote());
                notes.add("Claude Desktop reaches HTTP servers through the mcp-remote bridge (needs Node.js/npx); "
                        + "the stdio variant (--transport stdio) needs neither.");
            }
            case GEMINI_CLI -> {
                server.put("httpUrl", target.url());
                if (!headers.isEmpty()) {
                    server.put("headers", headers);
                }
                server.put("timeout", 600_000);
                notes.add("Merge this into ~/.gemini/settings.json (or .gemini/settings.json in a project).");
            }
            case CODEX -> {
                return new Snippet("toml", codexHttp(target), List.of("Append this to ~/.codex/config.toml."));
            }
            case JSON -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ok", true);
                m.put("name", SERVER_NAME);
                m.put("transport", "streamable_http");
                m.put("url", target.url());
                m.put("headers", headers);
                return new Snippet("json", NodeJson.pretty(m), List.of());
            }
            default -> throw new IllegalArgumentException(client.option());
        }
        return new Snippet("json", NodeJson.pretty(Map.of("mcpServers", Map.of(SERVER_NAME, server))), notes);
    }

    private static String codexStdio(StdioLaunch launch) {
        return "[mcp_servers." + SERVER_NAME + "]\n"
                + "command = " + toml(launch.command()) + "\n"
                + "args = [" + String.join(", ", launch.args().stream().map(ClientConfigSnippets::toml).toList()) + "]\n"
                + "startup_timeout_sec = 120\n"
                + "\n[mcp_servers." + SERVER_NAME + ".env]\n"
                + "JAVA_HOME = " + toml(launch.javaHome()) + "\n";
    }

    private static String codexHttp(HttpTarget target) {
        StringBuilder s = new StringBuilder("[mcp_servers." + SERVER_NAME + "]\n")
                .append("url = ").append(toml(target.url())).append('\n');
        if (target.authorization() != null) {
            s.append("http_headers = { \"Authorization\" = ").append(toml(target.authorization())).append(" }\n");
        }
        return s.toString();
    }

    private static String desktopFileNote() {
        return "Merge this into claude_desktop_config.json (macOS: ~/Library/Application Support/Claude/, "
                + "Linux: ~/.config/Claude/, Windows: %APPDATA%\\Claude\\), then restart Claude Desktop.";
    }

    /** A TOML basic string. */
    static String toml(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        s.append(String.format("\\u%04X", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** A word for a POSIX shell command line (single-quoted unless plainly safe). */
    static String shell(String word) {
        if (word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
