package com.verivus.gateway.process;

/** The result of {@link ProcessLauncher#launch}: a process that runs, or why none does. */
public sealed interface LaunchOutcome {

    /** The process started; call {@link ProcessRun#start} to begin reading its output. */
    record Started(ProcessRun run) implements LaunchOutcome {
    }

    record Failed(LaunchFailure failure) implements LaunchOutcome {
    }
}
