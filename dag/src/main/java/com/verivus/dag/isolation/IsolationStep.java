package com.verivus.dag.isolation;

import com.verivus.dag.model.Unit;
import java.io.IOException;
import java.util.List;

/** What the executor does for one unit of the isolation DAG, matched to the unit by its name. */
sealed interface IsolationStep permits DataDirectoryStep, ConfigTomlStep, ProjectApprovalStep, GatewayLaunchStep,
        HealthVerificationStep {

    String unitName();

    /** Every unit name this step performs (a renamed unit keeps its old name here). */
    default List<String> unitNames() {
        return List.of(unitName());
    }

    /** The gates this step evaluates (in [policy.gates] order of evaluation). */
    List<Gate> gates();

    /** Steps that need a running gateway are not run by {@code --dry-run}. */
    default boolean needsGateway() {
        return false;
    }

    StepResult run(Unit unit, RunContext context) throws IOException;

    static List<IsolationStep> all() {
        return List.of(new DataDirectoryStep(), new ConfigTomlStep(), new ProjectApprovalStep(), new GatewayLaunchStep(),
                new HealthVerificationStep());
    }
}
