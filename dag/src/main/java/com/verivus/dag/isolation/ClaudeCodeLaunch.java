package com.verivus.dag.isolation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Claude Code will run for the gateway in this repository, read from its configuration files the
 * way it reads them: the server entry from the local scope ({@code ~/.claude.json} →
 * {@code projects[<repo>].mcpServers}), else the project scope ({@code <repo>/.mcp.json}), else the user
 * scope ({@code ~/.claude.json} → {@code mcpServers}); the environment is Claude Code's own (this
 * process's), plus the top-level {@code env} of ~/.claude/settings.json, .claude/settings.json and
 * .claude/settings.local.json, plus the server's {@code env}; {@code ${VAR}} and {@code ${VAR:-default}}
 * are expanded; the working directory is the repository. Observed with Claude Code 2.1.197: an
 * {@code env} inside {@code mcpServers} of a settings file is not passed on, the top-level one is.
 */
final class ClaudeCodeLaunch {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** Either the launch, or why the configuration could not be read (a finding). */
    sealed interface Resolution permits Found, NotConfigured, Unreadable {
    }

    record Found(ClientLaunch launch) implements Resolution {
    }

    /** @param looked the places searched, for the report */
    record NotConfigured(List<String> looked) implements Resolution {
    }

    record Unreadable(String file, String reason) implements Resolution {
    }

    private ClaudeCodeLaunch() {
    }

    static Resolution resolve(IsolationInstance instance, Path home, Map<String, String> environment, WorkingTree files)
            throws IOException {
        Path claudeJson = home.resolve(".claude.json");
        List<String> looked = new ArrayList<>();
        JsonNode user;
        JsonNode project;
        try {
            user = json(files, claudeJson);
        } catch (JacksonException e) {
            return new Unreadable(claudeJson.toString(), e.getOriginalMessage());
        }
        try {
            project = json(files, instance.mcpJson());
        } catch (JacksonException e) {
            return new Unreadable(instance.mcpJson().toString(), e.getOriginalMessage());
        }
        JsonNode local = user.path("projects").path(instance.repo().toString()).path("mcpServers");
        List<Candidate> scopes = List.of(
                new Candidate("~/.claude.json projects[\"" + instance.repo() + "\"] (local scope)", local),
                new Candidate(instance.relative(instance.mcpJson()) + " (project scope)", project.path("mcpServers")),
                new Candidate("~/.claude.json (user scope)", user.path("mcpServers")));
        for (String name : instance.serverNames()) {
            for (Candidate scope : scopes) {
                JsonNode server = scope.servers().path(name);
                if (server.isObject()) {
                    return new Found(launch(instance, home, environment, files, scope.origin(), name, server));
                }
            }
        }
        scopes.forEach(s -> looked.add(s.origin()));
        return new NotConfigured(looked);
    }

    private record Candidate(String origin, JsonNode servers) {
    }

    private static ClientLaunch launch(IsolationInstance instance, Path home, Map<String, String> environment,
                                       WorkingTree files, String origin, String name, JsonNode server)
            throws IOException {
        Map<String, String> added = new LinkedHashMap<>();
        for (Path settings : List.of(home.resolve(".claude/settings.json"), instance.repo().resolve(".claude/settings.json"),
                instance.localSettings())) {
            JsonNode env;
            try {
                env = json(files, settings).path("env");
            } catch (JacksonException e) {
                continue; // Claude Code itself reports a broken settings file; it adds nothing to the launch
            }
            env.properties().forEach(e -> added.put(e.getKey(), e.getValue().asText()));
        }
        Map<String, String> base = new LinkedHashMap<>(environment);
        base.putAll(added);
        server.path("env").properties().forEach(e -> added.put(e.getKey(), expand(e.getValue().asText(), base)));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(added);
        String type = server.path("type").asText("stdio");
        if (!type.equals("stdio")) {
            return new ClientLaunch("Claude Code", origin, name, type, List.of(), env, added, instance.repo(),
                    expand(server.path("url").asText(""), base));
        }
        List<String> argv = new ArrayList<>();
        argv.add(expand(server.path("command").asText(""), base));
        server.path("args").forEach(a -> argv.add(expand(a.asText(), base)));
        return new ClientLaunch("Claude Code", origin, name, "stdio", argv, env, added, instance.repo(), null);
    }

    static String expand(String text, Map<String, String> env) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = Optional.ofNullable(env.get(m.group(1))).filter(v -> !v.isEmpty())
                    .orElse(m.group(2) != null ? m.group(2) : "");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static JsonNode json(WorkingTree files, Path file) throws IOException {
        Optional<String> text = files.read(file);
        if (text.isEmpty() || text.get().isBlank()) {
            return JsonText.MAPPER.createObjectNode();
        }
        JsonNode node = JsonText.MAPPER.readTree(text.get());
        return node == null ? JsonText.MAPPER.createObjectNode() : node;
    }
}
