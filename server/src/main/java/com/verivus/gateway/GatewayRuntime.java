package com.verivus.gateway;

import com.verivus.gateway.approval.ApprovalGate;
import com.verivus.gateway.approval.ApprovalLog;
import com.verivus.gateway.config.ChildEnvironmentConfigLoader;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfigException;
import com.verivus.gateway.config.PersistenceConfigLoader;
import com.verivus.gateway.config.SyncDeadline;
import com.verivus.gateway.doctor.ProviderStatusProbe;
import com.verivus.gateway.files.PrivateDirectory;
import com.verivus.gateway.job.ProcessHealthReport;
import com.verivus.gateway.job.AsyncJobsAvailability;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.DirectRunner;
import com.verivus.gateway.job.JobHealthSampler;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.changereview.ChangeReviewer;
import com.verivus.gateway.changereview.ChangeSetCapture;
import com.verivus.gateway.changereview.ReceiptLookup;
import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.process.ChildEnvironment;
import com.verivus.gateway.mcp.GatewayResourceTemplate;
import com.verivus.gateway.mcp.tools.validation.ReviewChangesTool;
import com.verivus.gateway.mcp.tools.validation.ReviewReceiptResource;
import com.verivus.gateway.mcp.tools.validation.ValidationReceiptTool;
import com.verivus.gateway.store.MemoryReceiptStore;
import com.verivus.gateway.store.ReceiptStore;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ServerInstructions;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.resources.HealthStatusResource;
import com.verivus.gateway.mcp.resources.PerformanceMetricsResource;
import com.verivus.gateway.mcp.resources.ProcessHealthResource;
import com.verivus.gateway.mcp.resources.SkillResource;
import com.verivus.gateway.mcp.tools.ProcessHealthTool;
import com.verivus.gateway.mcp.tools.UpstreamContractsTool;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.mcp.tools.approval.ApprovalListTool;
import com.verivus.gateway.mcp.tools.cli.CliUpgradeTool;
import com.verivus.gateway.mcp.tools.cli.CliVersionsTool;
import com.verivus.gateway.mcp.tools.job.ClaudeStreamJsonBlock;
import com.verivus.gateway.mcp.tools.job.JobTools;
import com.verivus.gateway.mcp.tools.models.ListAvailableModelsTool;
import com.verivus.gateway.mcp.tools.models.ListModelsTool;
import com.verivus.gateway.mcp.tools.models.ModelResource;
import com.verivus.gateway.mcp.tools.recorder.RequestResultTool;
import com.verivus.gateway.mcp.tools.request.RequestTools;
import com.verivus.gateway.mcp.tools.session.SessionClearAllTool;
import com.verivus.gateway.mcp.tools.session.SessionCreateTool;
import com.verivus.gateway.mcp.tools.session.SessionDeleteTool;
import com.verivus.gateway.mcp.tools.session.SessionGetTool;
import com.verivus.gateway.mcp.tools.session.SessionListTool;
import com.verivus.gateway.mcp.tools.session.SessionResource;
import com.verivus.gateway.mcp.tools.session.SessionSetActiveTool;
import com.verivus.gateway.mcp.tools.validation.ValidationTools;
import com.verivus.gateway.recorder.PerformanceMetrics;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import com.verivus.gateway.recorder.FlightRecorder;
import com.verivus.gateway.request.PollTools;
import com.verivus.gateway.request.RequestPipeline;
import com.verivus.gateway.request.RequestServices;
import com.verivus.gateway.session.SessionBackend;
import com.verivus.gateway.session.SessionStoreUnavailableException;
import com.verivus.gateway.session.SessionStores;
import com.verivus.gateway.session.SessionStore;
import com.verivus.gateway.skills.SkillCatalog;
import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.store.JobStoreUnavailableException;
import com.verivus.gateway.store.JobStores;
import com.verivus.gateway.upgrade.MistralInstallDetector;
import com.verivus.gateway.upgrade.UpgradePlanner;
import com.verivus.gateway.upgrade.UpgradeRunner;
import com.verivus.gateway.validation.ProviderRunRecorder;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.VersionProbe;
import com.verivus.gateway.validation.WaitBudget;
import com.verivus.gateway.workspace.AllowedRootsLoader;
import com.verivus.gateway.workspace.WorkingDirectoryPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final Path dataDirectory;
    private final ApprovalGate approvals;
    private final PerformanceMetrics metrics;
    private final SessionStore sessions;
    private final FlightRecorder recorder;
    private final JobEngine engine;
    private final RequestPipeline pipeline;
    private ProviderRunRecorder providerRuns;
    private final ModelRegistry models;
    private final WorkspaceParameters workspace;
    private final ToolCatalog catalog;
    private final String instructions;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private GatewayRuntime(GatewayEnvironment env) {
        this.env = env;
        this.persistence = PersistenceConfigLoader.load(env);
        // checked before anything is opened: an invalid child-environment setting stops the gateway
        ChildEnvironmentConfigLoader.load(env);
        securePrivateDirectories(env, persistence);
        this.syncDeadlineMs = SyncDeadline.fromEnvironment(env, GatewayLog::warn);

        // The flight recorder first: requests and runs whose jobs end write to it until the engine has shut down.
        this.recorder = FlightRecorder.open(env, persistence);
        closeables.add(recorder);

        Optional<JobStore> store = Optional.empty();
        String storeProblem = null;
        try {
            store = JobStores.open(persistence);
            store.ifPresent(closeables::add);
        } catch (JobStoreUnavailableException e) {
            // A postgres store that cannot be opened (bad DSN, server unreachable, failed migration) is a
            // configuration the user must fix, not a degraded mode to run in: refuse to start, say why.
            recorder.close();
            throw new PersistenceConfigException(e.getMessage());
        } catch (RuntimeException e) {
            storeProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            GatewayLog.error("Failed to open durable job store; async tools will be unavailable: " + storeProblem);
        }
        this.asyncJobs = AsyncJobsAvailability.decide(persistence, store.isPresent(), storeProblem);
        if (!asyncJobs.enabled() && persistence.asyncJobsEnabled()) {
            GatewayLog.warn(asyncJobs.reason());
        }
        // Sync tools run through the engine even without a store (then without dedup or durability).
        this.engine = JobEngine.open(env, persistence.dedupWindowMs(), store);
        // closed in reverse: the engine first (kills process trees, persists), then the pipeline books the
        // requests of the jobs that ended, then the store and the recorder
        closeables.add(this::closePipeline);
        closeables.add(this::closeProviderRuns);
        closeables.add(engine);
        this.processHealth = new ProcessHealthReport(persistence, env,
                new JobHealthSampler(engine, Clock.systemUTC()), asyncJobs,
                () -> storeDetails(engine));

        this.dataDirectory = persistence.dataDirectory(env);
        this.approvals = new ApprovalGate(new ApprovalLog(dataDirectory.resolve("approvals.jsonl")), env);
        this.metrics = new PerformanceMetrics();
        SessionBackend sessionBackend;
        try {
            sessionBackend = SessionStores.open(env, persistence, store, dataDirectory);
        } catch (SessionStoreUnavailableException e) {
            close();
            throw new PersistenceConfigException(e.getMessage());
        }
        closeables.add(sessionBackend.closeable());
        this.sessions = sessionBackend.store();
        this.models = new ModelRegistry(env);
        WorkingDirectoryPolicy directories = new WorkingDirectoryPolicy(AllowedRootsLoader.load(env));
        this.workspace = new WorkspaceParameters(directories);

        // what deferred replies name is settled here, before the tools exist: the async block is
        // registered exactly when asyncJobs is enabled (checked against the built list below)
        PollTools pollTools = PollTools.registered(asyncJobs.enabled());
        this.pipeline = new RequestPipeline(new RequestServices(models, sessions, approvals, recorder, metrics, engine,
                DirectRunner.open(env, engine.settings()), PrepareContext.of(env, dataDirectory), syncDeadlineMs,
                pollTools));
        SkillCatalog skills = SkillCatalog.fromClasspath();

        List<GatewayTool> tools = new ArrayList<>();
        List<GatewayResource> resources = new ArrayList<>();
        resources.addAll(SkillResource.all(skills));
        resources.addAll(SessionResource.all(sessions));
        resources.addAll(ModelResource.all(models));
        resources.add(new PerformanceMetricsResource(metrics));
        resources.add(new ProcessHealthResource(processHealth::jobBody));
        resources.add(new HealthStatusResource(sessionBackend.health()));
        // validation tools (list_available_models sits after synthesize_validation, before job_status),
        // then claude/codex/codex_fork_session/gemini/grok/mistral _request
        // every provider and judge run of a validation tool or review_changes gets a flight-recorder row
        this.providerRuns = new ProviderRunRecorder(engine, recorder);
        ValidationOrchestrator validation = new ValidationOrchestrator(engine, new VersionProbe(env),
                UpstreamContracts::assertArgs, providerRuns);
        tools.addAll(ValidationTools.create(validation, WaitBudget.fromSyncDeadlineMs(syncDeadlineMs),
                new ListAvailableModelsTool(models), workspace));
        // review_changes and validation_receipt: receipts live in the job store (memory without one)
        ReceiptStore receipts = store.filter(ReceiptStore.class::isInstance).map(ReceiptStore.class::cast)
                .orElseGet(MemoryReceiptStore::new);
        if (store.isPresent() && !(store.get() instanceof ReceiptStore)) {
            GatewayLog.warn("review_changes receipts are kept in memory until exit: the " + store.get().backend()
                    + " job store does not store them yet");
        }
        ReceiptLookup receiptLookup = new ReceiptLookup(receipts);
        tools.add(new ReviewChangesTool(new ChangeReviewer(engine, new VersionProbe(env), UpstreamContracts::assertArgs,
                new ChangeSetCapture(
                ChildEnvironment.configured(env).inherited(env.variables()), ChangeSetCapture.DEFAULT_GIT_TIMEOUT), receipts, Clock.systemUTC(), providerRuns),
                directories, syncDeadlineMs));
        tools.add(new ValidationReceiptTool(receiptLookup));
        List<GatewayResourceTemplate> templates = List.of(new ReviewReceiptResource(receiptLookup));
        tools.addAll(RequestTools.sync(pipeline, workspace));
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
        tools.add(new RequestResultTool(recorder, engine));
        this.catalog = new ToolCatalog(tools, resources, templates);
        PollTools registered = PollTools.from(tools.stream().map(GatewayTool::name).toList());
        if (!registered.equals(pollTools)) {
            throw new IllegalStateException("deferred replies would name " + pollTools + " but the gateway registers "
                    + registered);
        }
        this.instructions = ServerInstructions.text(syncDeadlineMs, asyncJobs.enabled(), skills.instructionLines());
    }

    /**
     * The data directory is created 0700 before any store writes into it; ~/.llm-cli-gateway, which older
     * versions created 0755, is tightened. A failure is logged: the stores then report their own.
     */
    private static void securePrivateDirectories(GatewayEnvironment env, PersistenceConfig persistence) {
        Path own = env.defaultDataDirectory();
        Path data = persistence.dataDirectory(env);
        try {
            if (data.equals(own) || Files.isDirectory(own)) {
                PrivateDirectory.secureOwn(own);
            }
            PrivateDirectory.create(data);
        } catch (IOException | RuntimeException e) {
            GatewayLog.warn("Could not create or restrict the data directory " + data + ": " + e.getMessage());
        }
    }

    /**
     * Builds the runtime.
     *
     * @throws PersistenceConfigException when [persistence] is invalid; the gateway must not start
     */
    public static GatewayRuntime start(GatewayEnvironment env) {
        return new GatewayRuntime(env);
    }

    /** The 8 async/job tools; registered only when {@link #asyncJobs()} is enabled. */
    private List<GatewayTool> asyncTools() {
        List<GatewayTool> async = new ArrayList<>(RequestTools.async(pipeline, workspace));
        async.addAll(JobTools.create(engine, new ClaudeStreamJsonBlock()));
        return async;
    }

    private void closeProviderRuns() {
        if (providerRuns != null) {
            providerRuns.close();
        }
    }

    private void closePipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
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
    public Path dataDirectory() {
        return dataDirectory;
    }

    public ApprovalGate approvals() {
        return approvals;
    }

    /** Runs every CLI invocation of this gateway, sync or async. */
    public JobEngine engine() {
        return engine;
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
