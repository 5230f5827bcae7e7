package com.verivus.gateway.job;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.json.NodeJson;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The body of {@code llm_process_health} and of {@code GET /process-health}: running-job health plus
 * the resolved persistence settings. Each call of {@link #body()} samples the jobs afresh.
 *
 * <p>Beyond the Node gateway's fields, {@code persistence} carries {@code path} (same value as
 * {@code dbPath}, so the isolation gate holds as written), {@code dataDir} (where this gateway keeps its
 * state files) and {@code asyncToolsRegistered}; {@code warning} is set whenever the async tools are not
 * registered, with the real reason.
 */
public final class ProcessHealthReport {

    private final PersistenceConfig persistence;
    private final GatewayEnvironment env;
    private final JobHealthSource jobs;
    private final AsyncJobsAvailability async;
    private final Supplier<Map<String, Object>> store;

    public ProcessHealthReport(PersistenceConfig persistence, GatewayEnvironment env, JobHealthSource jobs,
                               AsyncJobsAvailability async) {
        this(persistence, env, jobs, async, () -> null);
    }

    /**
     * @param store the open job store's own state ({@code persistence.store}: for PostgreSQL the DSN with
     *              the password redacted, the pool and the lease settings); null when there is none
     */
    public ProcessHealthReport(PersistenceConfig persistence, GatewayEnvironment env, JobHealthSource jobs,
                               AsyncJobsAvailability async, Supplier<Map<String, Object>> store) {
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.env = Objects.requireNonNull(env, "env");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.async = Objects.requireNonNull(async, "async");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The report on this gateway's engine: its running jobs, and its store's state and lease settings. */
    public static ProcessHealthReport of(PersistenceConfig persistence, GatewayEnvironment env, JobEngine engine,
                                         AsyncJobsAvailability async) {
        return new ProcessHealthReport(persistence, env, new JobHealthSampler(engine, Clock.systemUTC()), async,
                () -> storeDetails(engine));
    }

    /** The open store's state and the owner-lease settings, for llm_process_health; null without a store. */
    private static Map<String, Object> storeDetails(JobEngine engine) {
        return engine.store().map(store -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("backend", store.backend().key());
            details.putAll(store.details());
            Map<String, Object> lease = new LinkedHashMap<>();
            lease.put("heartbeatIntervalMs", engine.settings().heartbeatInterval().toMillis());
            lease.put("leaseMs", engine.settings().lease().toMillis());
            lease.put("crossGatewaySignals", store.signalsAcrossGateways());
            details.put("lease", lease);
            return details;
        }).orElse(null);
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.putAll(jobs.health().toMap());
        body.put("persistence", persistenceBlock());
        return body;
    }

    /** The job part alone (no success flag, no persistence block): the metrics://process-health document. */
    public Map<String, Object> jobBody() {
        Map<String, Object> body = new LinkedHashMap<>(body());
        body.remove("success");
        body.remove("persistence");
        return body;
    }

    /** The body as 2-space pretty JSON, the text of the tool result and the HTTP response. */
    public String json() {
        return NodeJson.pretty(body());
    }

    private Map<String, Object> persistenceBlock() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("backend", persistence.backend().key());
        p.put("dbPath", persistence.path());
        p.put("path", persistence.path());
        p.put("dataDir", persistence.dataDirectory(env).toString());
        p.put("dsn", persistence.dsn() == null ? null : "[redacted]");
        p.put("retentionDays", wholeIfIntegral(persistence.retentionDays()));
        p.put("dedupWindowMs", persistence.dedupWindowMs());
        p.put("asyncJobsEnabled", persistence.asyncJobsEnabled());
        p.put("acknowledgeEphemeral", persistence.acknowledgeEphemeral());
        p.put("asyncToolsRegistered", async.enabled());
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("configFile", persistence.sources().configFile());
        sources.put("envOverrides", persistence.sources().envOverrides());
        sources.put("selectedBy", persistence.sources().selectedBy());
        sources.put("unapprovedProjectConfig", persistence.sources().unapprovedProjectConfig());
        p.put("sources", sources);
        p.put("warning", async.reason());
        Map<String, Object> storeState = store.get();
        if (storeState != null) {
            p.put("store", storeState);
        }
        return p;
    }

    /** 30 days prints as 30, as JSON.stringify does, and 0.5 stays 0.5. */
    private static Number wholeIfIntegral(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }
}
