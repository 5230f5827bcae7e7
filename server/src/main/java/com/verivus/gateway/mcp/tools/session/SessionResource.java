package com.verivus.gateway.mcp.tools.session;

import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sessions://all} and {@code sessions://<cli>}, with the Node gateway's names, titles and shapes. */
public final class SessionResource implements GatewayResource {

    private final SessionStore store;
    private final CliName cli; // null for sessions://all

    private SessionResource(SessionStore store, CliName cli) {
        this.store = store;
        this.cli = cli;
    }

    /** sessions://all, then one resource per CLI in CliName order. */
    public static List<GatewayResource> all(SessionStore store) {
        List<GatewayResource> resources = new ArrayList<>();
        resources.add(new SessionResource(store, null));
        for (CliName c : CliName.values()) {
            resources.add(new SessionResource(store, c));
        }
        return resources;
    }

    @Override
    public String uri() {
        return "sessions://" + (cli == null ? "all" : cli.key());
    }

    @Override
    public String name() {
        return (cli == null ? "all" : cli.key()) + "-sessions";
    }

    @Override
    public String title() {
        if (cli == null) {
            return "📋 All Sessions";
        }
        return switch (cli) {
            case CLAUDE -> "🤖 Claude Sessions";
            case CODEX -> "💻 Codex Sessions";
            case GEMINI -> "✨ Gemini Sessions";
            case GROK -> "⚡ Grok Sessions";
            case MISTRAL -> "🌬 Mistral Sessions";
        };
    }

    @Override
    public String description() {
        if (cli == null) {
            return "All conversation sessions across CLIs";
        }
        return switch (cli) {
            case CLAUDE -> "Claude conversation sessions";
            case CODEX -> "Codex conversation sessions";
            case GEMINI -> "Gemini conversation sessions";
            case GROK -> "Grok conversation sessions";
            case MISTRAL -> "Mistral Vibe conversation sessions";
        };
    }

    @Override
    public String read() {
        SessionStore.Overview overview = store.overview(cli);
        Map<String, Object> body = new LinkedHashMap<>();
        if (cli == null) {
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (Session s : overview.sessions()) {
                sessions.add(SessionJson.summary(s));
            }
            body.put("total", sessions.size());
            body.put("sessions", sessions);
            body.put("activeSessions", SessionJson.activeSessions(overview.activeSessionIds()));
        } else {
            body.put("cli", cli.key());
            body.put("total", overview.sessions().size());
            body.put("sessions", overview.sessions().stream().map(Session::toJson).toList());
            body.put("activeSession", overview.activeSessionIds().get(cli));
        }
        return ToolResults.pretty(body);
    }
}
