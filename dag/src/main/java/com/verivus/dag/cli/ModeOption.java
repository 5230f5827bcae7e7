package com.verivus.dag.cli;

import com.verivus.dag.validate.ValidationMode;
import picocli.CommandLine.Option;

/** {@code --strict} (the default) or {@code --compat}; picocli enforces that only one is given. */
public final class ModeOption {

    @Option(names = "--strict", description = "Apply the agent-assurance spec as written (the default).")
    boolean strict;

    @Option(names = "--compat", description = "Accept the gateway README's DAG (schema_version 1.0.0, no "
            + "closure_root, no [computed]) with one warning per departure; [computed] is derived.")
    boolean compat;

    static ValidationMode of(ModeOption option) {
        return option != null && option.compat ? ValidationMode.COMPAT : ValidationMode.STRICT;
    }
}
