package com.verivus.gateway;

import com.verivus.gateway.approval.ApprovalGate;
import com.verivus.gateway.approval.ApprovalLog;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfigException;
import com.verivus.gateway.config.PersistenceConfigLoader;
import com.verivus.gateway.config.SyncDeadline;
import com.verivus.gateway.health.ProcessHealthReport;
import com.verivus.gateway.job.AsyncJobsAvailability;
import com.verivus.gateway.job.JobHealthSource;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ServerInstructions;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.resources.PerformanceMetricsResource;
import com.verivus.gateway.mcp.tools.ProcessHealthTool;
import com.verivus.gateway.mcp.tools.UpstreamContractsTool;
import com.verivus.gateway.mcp.tools.cli.CliUpgradeTool;
import com.verivus.gateway.mcp.tools.cli.CliVersionsTool;
import com.verivus.gateway.mcp.tools.approval.ApprovalListTool;
import com.verivus.gateway.metrics.PerformanceMetrics;
import com.verivus.gateway.mcp.tools.models.ListAvailableModelsTool;
import com.verivus.gateway.mcp.tools.models.ListModelsTool;
import com.verivus.gateway.mcp.tools.models.ModelResource;
import com.verivus.gateway.mcp.tools.session.SessionClearAllTool;
import com.verivus.gateway.mcp.tools.session.SessionCreateTool;
import com.verivus.gateway.mcp.tools.session.SessionDeleteTool;
import com.verivus.gateway.mcp.tools.session.SessionGetTool;
import com.verivus.gateway.mcp.tools.session.SessionListTool;
import com.verivus.gateway.mcp.tools.session.SessionResource;
import com.verivus.gateway.mcp.tools.session.SessionSetActiveTool;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.mcp.resources.ProcessHealthResource;
import com.verivus.gateway.recorder.FlightRecorder;
import com.verivus.gateway.skills.SkillCatalog;
import com.verivus.gateway.mcp.resources.SkillResource;
import com.verivus.gateway.session.FileSessionStore;
import com.verivus.gateway.session.SessionStore;
import com.verivus.gateway.doctor.ProviderStatusProbe;
import com.verivus.gateway.upgrade.MistralInstallDetector;
import com.verivus.gateway.upgrade.UpgradePlanner;
import com.verivus.gateway.upgrade.UpgradeRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: builds every subsystem once per process from the environment, and the tool
 * catalogue that each transport serves. Subsystems are closed in reverse order on shutdown.
 *
 * <p>Tool registration follows the Node gateway's order: validation tools, the sync provider tools,
 * then the async/job block (only when {@link #asyncJobs()} is enabled: backend not none, async jobs
 * enabled and a job store opened), then the always-registered utility tools.
 */
public final class GatewayRuntime implements AutoCloseable {

    private final GatewayEnvironment env;
    private final PersistenceConfig persistence;
    private final long syncDeadlineMs;
    private final AsyncJobsAvailability asyncJobs;
    private final ProcessHealthReport processHealth;
    private final java.nio.file.Path dataDirectory;
    private final ApprovalGate approvals;
    private final PerformanceMetrics metrics;
    private final SessionStore sessions;
    private final FlightRecorder recorder;
    private final ModelRegistry models;
    private final ToolCatalog catalog;
    private final String instructions;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private GatewayRuntime(GatewayEnvironment env) {
        this.env = env;
        this.persistence = PersistenceConfigLoader.load(env);
        this.syncDeadlineMs = SyncDeadline.fromEnvironment(env, GatewayLog::warn);

        // Seam for the jobs issue: open the JobStore for persistence.backend() here (none for backend
        // none; on failure log "Failed to open durable job store; async tools will be unavailable" and
        // keep the error as storeProblem), register it in closeables and build the job engine on it.
        boolean storeOpened = false;
        String storeProblem = "no job store implementation is wired into this build yet";
        this.asyncJobs = AsyncJobsAvailability.decide(persistence, storeOpened, storeProblem);
        if (!asyncJobs.enabled() && persistence.asyncJobsEnabled()) {
            GatewayLog.warn(asyncJobs.reason());
        }
        JobHealthSource jobHealth = JobHealthSource.NONE; // the job engine, once it exists
        this.processHealth = new ProcessHealthReport(persistence, env, jobHealth, asyncJobs);

        this.dataDirectory = persistence.dataDirectory(env);
        this.approvals = new ApprovalGate(new ApprovalLog(dataDirectory.resolve("approvals.jsonl")), env);
        this.metrics = new PerformanceMetrics();
        this.sessions = new FileSessionStore(dataDirectory, env);
        this.models = new ModelRegistry(env);

        this.recorder = FlightRecorder.open(env, persistence);
        closeables.add(recorder);
        SkillCatalog skills = SkillCatalog.fromClasspath();

        List<GatewayTool> tools = new ArrayList<>();
        List<GatewayResource> resources = new ArrayList<>();
        resources.addAll(SkillResource.all(skills));
        resources.addAll(SessionResource.all(sessions));
        resources.addAll(ModelResource.all(models));
        resources.add(new PerformanceMetricsResource(metrics));
        resources.add(new ProcessHealthResource(processHealth::jobBody));
        // validation tools (list_available_models sits after synthesize_validation, before job_status),
        // then claude/codex/codex_fork_session/gemini/grok/mistral _request
        tools.add(new ListAvailableModelsTool(models));
        if (asyncJobs.enabled()) {
            tools.addAll(asyncTools());
        }
        tools.add(new ProcessHealthTool(processHealth));
        tools.add(new ApprovalListTool(approvals.log()));
        tools.add(new ListModelsTool(models));
        ProviderStatusProbe probe = new ProviderStatusProbe(env);
        tools.add(new CliVersionsTool(probe));
        tools.add(new UpstreamContractsTool(env));
        tools.add(new CliUpgradeTool(new UpgradePlanner(new MistralInstallDetector(env, Duration.ofSeconds(15))),
                new UpgradeRunner(env)));
        tools.add(new SessionCreateTool(sessions));
        tools.add(new SessionListTool(sessions));
        tools.add(new SessionSetActiveTool(sessions));
        tools.add(new SessionDeleteTool(sessions));
        tools.add(new SessionGetTool(sessions));
        tools.add(new SessionClearAllTool(sessions));
        this.catalog = new ToolCatalog(tools, resources);
        this.instructions = ServerInstructions.text(syncDeadlineMs, asyncJobs.enabled(), skills.instructionLines());
    }

    /**
     * Builds the runtime.
     *
     * @throws PersistenceConfigException when [persistence] is invalid; the gateway must not start
     */
    public static GatewayRuntime start(GatewayEnvironment env) {
        return new GatewayRuntime(env);
    }

    /** The 8 async/job tools; registered only when {@link #asyncJobs()} is enabled. Filled by the jobs issue. */
    private List<GatewayTool> asyncTools() {
        return List.of();
    }

    public GatewayEnvironment environment() {
        return env;
    }

    public PersistenceConfig persistence() {
        return persistence;
    }

    /** SYNC_DEADLINE_MS in force (0 = sync requests run inline). */
    public long syncDeadlineMs() {
        return syncDeadlineMs;
    }

    /** Whether the async/job tools are registered, and if not why. */
    public AsyncJobsAvailability asyncJobs() {
        return asyncJobs;
    }

    /** The body of llm_process_health, also served at GET /process-health. */
    public ProcessHealthReport processHealth() {
        return processHealth;
    }

    /** Where this gateway keeps sessions.json, approvals.jsonl and the other per-user state. */
    public java.nio.file.Path dataDirectory() {
        return dataDirectory;
    }

    public ApprovalGate approvals() {
        return approvals;
    }

    public FlightRecorder recorder() {
        return recorder;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public ModelRegistry models() {
        return models;
    }

    public PerformanceMetrics metrics() {
        return metrics;
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    public String instructions() {
        return instructions;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                GatewayLog.warn("shutdown: " + e.getMessage());
            }
        }
    }
}
