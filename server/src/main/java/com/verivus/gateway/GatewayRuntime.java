package com.verivus.gateway;

import com.verivus.gateway.approval.ApprovalGate;
import com.verivus.gateway.approval.ApprovalLog;
import com.verivus.gateway.config.ChildEnvironmentConfigLoader;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfigException;
import com.verivus.gateway.config.PersistenceConfigLoader;
import com.verivus.gateway.config.SyncDeadline;
import com.verivus.gateway.files.PrivateDirectory;
import com.verivus.gateway.job.ProcessHealthReport;
import com.verivus.gateway.job.AsyncJobsAvailability;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.DirectRunner;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.store.MemoryReceiptStore;
import com.verivus.gateway.store.ReceiptStore;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ServerInstructions;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.tools.GatewayCatalog;
import com.verivus.gateway.recorder.PerformanceMetrics;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.provider.PrepareContext;
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
import com.verivus.gateway.validation.ProviderRunRecorder;
import com.verivus.gateway.workspace.AllowedRootsLoader;
import com.verivus.gateway.workspace.WorkingDirectoryPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The composition root: builds every subsystem once per process from the environment (config, stores,
 * job engine, request pipeline) and hands them to {@link GatewayCatalog}, which assembles the tool
 * catalogue each transport serves. The async/job tools are registered only when async jobs are
 * available (backend not none, async jobs enabled and a job store opened). Subsystems are closed in
 * reverse order on shutdown.
 */
public final class GatewayRuntime implements AutoCloseable {

    private final GatewayEnvironment env;
    private final ProcessHealthReport processHealth;
    private final SessionStore sessions;
    private final FlightRecorder recorder;
    private final JobEngine engine;
    private final RequestPipeline pipeline;
    private ProviderRunRecorder providerRuns;
    private final ToolCatalog catalog;
    private final String instructions;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private GatewayRuntime(GatewayEnvironment env) {
        this.env = env;
        PersistenceConfig persistence = PersistenceConfigLoader.load(env);
        // checked before anything is opened: an invalid child-environment setting stops the gateway
        ChildEnvironmentConfigLoader.load(env);
        securePrivateDirectories(env, persistence);
        long syncDeadlineMs = SyncDeadline.fromEnvironment(env, GatewayLog::warn);

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
        AsyncJobsAvailability asyncJobs = AsyncJobsAvailability.decide(persistence, store.isPresent(), storeProblem);
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
        this.processHealth = ProcessHealthReport.of(persistence, env, engine, asyncJobs);

        Path dataDirectory = persistence.dataDirectory(env);
        ApprovalGate approvals = new ApprovalGate(new ApprovalLog(dataDirectory.resolve("approvals.jsonl")), env);
        PerformanceMetrics metrics = new PerformanceMetrics();
        SessionBackend sessionBackend;
        try {
            sessionBackend = SessionStores.open(env, persistence, store, dataDirectory);
        } catch (SessionStoreUnavailableException e) {
            close();
            throw new PersistenceConfigException(e.getMessage());
        }
        closeables.add(sessionBackend.closeable());
        this.sessions = sessionBackend.store();
        ModelRegistry models = new ModelRegistry(env);
        WorkingDirectoryPolicy directories = new WorkingDirectoryPolicy(AllowedRootsLoader.load(env));

        // what deferred replies name is settled here, before the tools exist: the async block is
        // registered exactly when asyncJobs is enabled (checked against the built list below)
        PollTools pollTools = PollTools.registered(asyncJobs.enabled());
        this.pipeline = new RequestPipeline(new RequestServices(models, sessions, approvals, recorder, metrics, engine,
                DirectRunner.open(env, engine.settings()), PrepareContext.of(env, dataDirectory), syncDeadlineMs,
                pollTools));
        SkillCatalog skills = SkillCatalog.fromClasspath();
        this.providerRuns = new ProviderRunRecorder(engine, recorder);
        this.catalog = GatewayCatalog.assemble(new GatewayCatalog.Subsystems(env, syncDeadlineMs, asyncJobs.enabled(),
                engine, pipeline, providerRuns, recorder, metrics, processHealth, approvals, sessions,
                sessionBackend.health(), models, directories, receipts(store), skills));
        PollTools registered = PollTools.from(catalog.tools().stream().map(GatewayTool::name).toList());
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

    /** review_changes and validation_receipt keep receipts in the job store; in memory without one. */
    private static ReceiptStore receipts(Optional<JobStore> store) {
        if (store.isPresent() && !(store.get() instanceof ReceiptStore)) {
            GatewayLog.warn("review_changes receipts are kept in memory until exit: the " + store.get().backend()
                    + " job store does not store them yet");
        }
        return store.filter(ReceiptStore.class::isInstance).map(ReceiptStore.class::cast)
                .orElseGet(MemoryReceiptStore::new);
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

    public GatewayEnvironment environment() {
        return env;
    }

    /** The body of llm_process_health, also served at GET /process-health. */
    public ProcessHealthReport processHealth() {
        return processHealth;
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
