package com.verivus.gateway.cli;

import com.verivus.gateway.config.GatewayEnvironment;
import java.util.function.Supplier;

/** Where a subcommand gets its environment: the process's, or one a test hands in. */
interface EnvironmentSource extends Supplier<GatewayEnvironment> {

    EnvironmentSource SYSTEM = GatewayEnvironment::fromSystem;

    static EnvironmentSource of(GatewayEnvironment env) {
        return () -> env;
    }
}
