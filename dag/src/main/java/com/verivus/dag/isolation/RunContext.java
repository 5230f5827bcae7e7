package com.verivus.dag.isolation;

/**
 * What the steps of one run share: the settings, the resolved paths, git, progress output, and the
 * gateway U04 started (or was pointed at) for U05 to read.
 */
final class RunContext {

    private final IsolationSettings settings;
    private final IsolationInstance instance;
    private final GitRepository git;
    private final ProgressLog log;
    private final WorkingTree files;
    private LaunchedGateway gateway;
    private HealthSource health;

    RunContext(IsolationSettings settings, IsolationInstance instance, GitRepository git, ProgressLog log) {
        this.settings = settings;
        this.instance = instance;
        this.git = git;
        this.log = log;
        this.files = new WorkingTree(settings.dryRun());
    }

    /** The repository's files: the disk, or in a dry run the disk plus the writes it would have made. */
    WorkingTree files() {
        return files;
    }

    IsolationSettings settings() {
        return settings;
    }

    IsolationInstance instance() {
        return instance;
    }

    GitRepository git() {
        return git;
    }

    ProgressLog log() {
        return log;
    }

    boolean dryRun() {
        return settings.dryRun();
    }

    LaunchedGateway gateway() {
        return gateway;
    }

    HealthSource health() {
        return health;
    }

    void connected(LaunchedGateway started, HealthSource source) {
        this.gateway = started;
        this.health = source;
    }

    /** Stops the gateway this run started, if any; returns the evidence line, or null. */
    String stopGateway() {
        if (gateway == null || gateway.stopped()) {
            return null;
        }
        return gateway.stop();
    }
}
