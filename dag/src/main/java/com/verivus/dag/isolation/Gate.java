package com.verivus.dag.isolation;

import java.util.List;

/**
 * The gates this executor evaluates, with where each one sits in the run. The first four come from
 * the gateway README's DAG; the others make the executor's own stop conditions explicit, so that every
 * finding names a gate. A DAG may describe them in {@code [policy.gates]}; one it declares that is not
 * listed here cannot be evaluated, and the executor refuses to run rather than skip it (fail closed).
 */
public enum Gate {
    REPO_ABS_PATH_RESOLVED("gate_repo_abs_path_resolved",
            "Before U01: repo_abs_path is the absolute, real path of --repo, never '<REPO_ABS_PATH>'."),
    NO_LEGACY_ENV_LEAK("gate_no_legacy_env_leak",
            "Before U01: LLM_GATEWAY_LOGS_DB / LLM_GATEWAY_JOBS_DB are set neither in the environment nor in shell init files."),
    DATA_DIR_IGNORED("gate_data_dir_ignored",
            "U01: the gateway data directory exists and .gitignore ignores it."),
    CONFIG_BACKEND_IS_SQLITE("gate_config_backend_is_sqlite",
            "U02: an existing config.toml can be merged and does not select another backend."),
    MCP_JSON_NAMES_SERVER("gate_mcp_json_names_server",
            "U03: .mcp.json, if present, declares the gateway's server (llm-cli-gateway, llm-gateway or --mcp-server-name)."),
    CONFIG_NOT_COMMITTED("gate_config_not_committed",
            "U03: git tracks nothing in the gateway data directory (config.toml holds this clone's absolute paths, "
                    + "logs.db the prompts and answers)."),
    GATEWAY_REACHABLE("gate_gateway_reachable",
            "U04: the gateway for this repository is listening (started here, or given with --gateway-url)."),
    HEALTH_CONFIRMS_ISOLATION("gate_health_confirms_isolation",
            "U05: process health reports configFile, path and dbPath inside this repository.");

    private final String id;
    private final String builtInDescription;

    Gate(String id, String builtInDescription) {
        this.id = id;
        this.builtInDescription = builtInDescription;
    }

    public String id() {
        return id;
    }

    public String builtInDescription() {
        return builtInDescription;
    }

    /**
     * The gate a DAG names. The Node README's {@code gate_config_is_committed} is read as
     * {@link #CONFIG_NOT_COMMITTED}: its text only ever required per-developer files to stay out of git.
     */
    public static java.util.Optional<Gate> byId(String id) {
        if (id.equals("gate_config_is_committed")) {
            return java.util.Optional.of(CONFIG_NOT_COMMITTED);
        }
        return List.of(values()).stream().filter(g -> g.id.equals(id)).findFirst();
    }
}
