package com.verivus.dag.cli;

/** The exit codes of every isolate subcommand, in one place. */
public final class ExitCode {

    /** Valid document; the run completed and every gate passed. */
    public static final int OK = 0;
    /** The document is invalid, or a gate failed (the findings say which). */
    public static final int FAILED = 1;
    /** Bad command line, or input that could not be read at all (missing file, not TOML). */
    public static final int UNUSABLE_INPUT = 2;

    private ExitCode() {
    }
}
