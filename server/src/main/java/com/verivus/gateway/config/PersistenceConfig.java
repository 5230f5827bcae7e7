package com.verivus.gateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The resolved {@code [persistence]} settings (defaults, then the TOML file, then legacy env vars),
 * as the Node gateway's loadPersistenceConfig returns them.
 *
 * @param path the SQLite file (absolute after ~/ expansion) when backend is sqlite, else null
 * @param dsn kept only for postgres
 * @param sources where the values came from: the config file actually read (null when none) and the
 *                legacy env vars that overrode it
 */
public record PersistenceConfig(Backend backend, String path, String dsn, double retentionDays,
                                long dedupWindowMs, boolean acknowledgeEphemeral, boolean asyncJobsEnabled,
                                Sources sources) {

    public enum Backend {
        SQLITE, POSTGRES, MEMORY, NONE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param selectedBy why {@code configFile} was chosen: {@code LLM_GATEWAY_CONFIG}, {@code approved project}
     *                   or {@code default} (see {@link ConfigFileChoice})
     * @param unapprovedProjectConfig a project's .gateway/config.toml that was found from the working
     *                                directory but ignored because the user has not approved the project
     */
    public record Sources(String configFile, List<String> envOverrides, String selectedBy,
                          String unapprovedProjectConfig) {
        public Sources {
            envOverrides = List.copyOf(envOverrides);
        }

        /** Sources of a config that was not discovered from a project (tests, fixed configs). */
        public Sources(String configFile, List<String> envOverrides) {
            this(configFile, envOverrides, ConfigFileChoice.BY_DEFAULT, null);
        }
    }

    public long retentionMs() {
        return Math.round(retentionDays * 86_400_000d);
    }

    /**
     * Where this gateway keeps its per-user state (sessions.json, approvals.jsonl, the generated
     * Claude MCP config, the flight recorder by default): beside the SQLite job store when one is
     * configured, so per-project isolation moves all of it; else ~/.llm-cli-gateway.
     */
    public Path dataDirectory(GatewayEnvironment env) {
        if (backend == Backend.SQLITE && path != null) {
            Path parent = Path.of(path).toAbsolutePath().normalize().getParent();
            if (parent != null) {
                return parent;
            }
        }
        return env.defaultDataDirectory();
    }
}
