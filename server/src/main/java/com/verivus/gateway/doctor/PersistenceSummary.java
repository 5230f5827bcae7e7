package com.verivus.gateway.doctor;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfig.Backend;
import com.verivus.gateway.config.PersistenceConfigException;
import com.verivus.gateway.config.PersistenceConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved {@code [persistence]} settings as the doctor reports them: the same fields as
 * {@code llm_process_health.persistence}, computed from the config file and the environment
 * without opening, creating or migrating any store (the doctor is read-only). An invalid
 * configuration is reported, not thrown.
 */
public record PersistenceSummary(boolean valid, String error, Map<String, Object> json) {

    public static final String NONE_WARNING = "Async job persistence is disabled (backend = 'none'). "
            + "*_request_async tools are NOT registered on this gateway. Set [persistence].backend = 'sqlite' (or "
            + "'memory' + acknowledgeEphemeral = true) to enable them.";

    public static PersistenceSummary resolve(GatewayEnvironment env) {
        List<String> warnings = new ArrayList<>();
        PersistenceConfig config;
        try {
            config = PersistenceConfigLoader.load(env, warnings::add);
        } catch (PersistenceConfigException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("valid", false);
            m.put("error", e.getMessage());
            m.put("configFile", PersistenceConfigLoader.configFileLocation(env));
            m.put("warnings", warnings);
            return new PersistenceSummary(false, e.getMessage(), m);
        }
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("configFile", config.sources().configFile());
        sources.put("envOverrides", config.sources().envOverrides());
        sources.put("selectedBy", config.sources().selectedBy());
        sources.put("unapprovedProjectConfig", config.sources().unapprovedProjectConfig());

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", true);
        m.put("backend", config.backend().key());
        m.put("dbPath", config.path());
        m.put("path", config.path());
        m.put("dsn", config.dsn() == null ? null : "[redacted]");
        m.put("retentionDays", plainNumber(config.retentionDays()));
        m.put("dedupWindowMs", config.dedupWindowMs());
        m.put("asyncJobsEnabled", config.asyncJobsEnabled());
        m.put("acknowledgeEphemeral", config.acknowledgeEphemeral());
        m.put("sources", sources);
        m.put("warning", config.backend() == Backend.NONE ? NONE_WARNING : null);
        m.put("warnings", warnings);
        m.put("dataDirectory", config.dataDirectory(env).toString());
        m.put("dbExists", config.path() != null && Files.exists(Path.of(config.path())));
        return new PersistenceSummary(true, null, m);
    }

    /** 30 rather than 30.0, as JSON.stringify prints it. */
    private static Number plainNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
    }

    public String describe() {
        if (!valid) {
            return error;
        }
        String backend = (String) json.get("backend");
        String where = json.get("path") != null ? " at " + json.get("path")
                + (Boolean.TRUE.equals(json.get("dbExists")) ? "" : " (created on first gateway start)") : "";
        return backend + where + (Boolean.TRUE.equals(json.get("asyncJobsEnabled"))
                ? "; async jobs enabled" : "; async jobs DISABLED");
    }
}
