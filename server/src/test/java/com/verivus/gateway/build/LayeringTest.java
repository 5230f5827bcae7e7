package com.verivus.gateway.build;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.Test;

/**
 * A request flows one way: transport → tools → request → job → store/process. Each layer may use the
 * layers below it and never one above; the table is in docs/architecture.md, and a new package joins
 * the layer it belongs to here.
 */
class LayeringTest {

    private static final String P = ArchitectureClasses.ROOT;

    @Test
    void each_layer_uses_only_the_layers_below_it() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                // picocli commands: the process's entry points; they start the composition root
                .layer("Entry").definedBy(P + ".cli..")
                // GatewayRuntime: builds every subsystem and the tool list once per process
                .layer("Composition").definedBy(P)
                .layer("Transport").definedBy(P + ".http..", P + ".access..", P + ".console..", P + ".lifecycle..",
                        P + ".mcp.http..", P + ".mcp.stdio..", P + ".mcp.jsonrpc..")
                // the MCP surface: the tool and resource contract (mcp), the tools and resources themselves
                .layer("Tools").definedBy(P + ".mcp", P + ".mcp.tools..", P + ".mcp.resources..")
                .layer("Request").definedBy(P + ".request..", P + ".optimizer..", P + ".validation..",
                        P + ".changereview..")
                .layer("Job").definedBy(P + ".job..")
                // what a request reads and books beside its job; siblings of Job, neither uses the other
                .layer("Services").definedBy(P + ".session..", P + ".recorder..", P + ".approval..",
                        P + ".models..", P + ".doctor..", P + ".clientconfig..", P + ".upgrade..",
                        P + ".workspace..", P + ".skills..")
                .layer("Provider").definedBy(P + ".provider..")
                .layer("StoreAndProcess").definedBy(P + ".store..", P + ".process..")
                .layer("Foundation").definedBy(P + ".config..", P + ".log..", P + ".json..", P + ".files..")

                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Composition").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Transport").mayOnlyBeAccessedByLayers("Entry", "Composition")
                .whereLayer("Tools").mayOnlyBeAccessedByLayers("Entry", "Composition", "Transport")
                .whereLayer("Request").mayOnlyBeAccessedByLayers("Entry", "Composition", "Transport", "Tools")
                .whereLayer("Job").mayOnlyBeAccessedByLayers("Entry", "Composition", "Transport", "Tools",
                        "Request")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("Entry", "Composition", "Transport", "Tools",
                        "Request")
                .whereLayer("Provider").mayOnlyBeAccessedByLayers("Entry", "Composition", "Transport", "Tools",
                        "Request", "Job", "Services")
                .whereLayer("StoreAndProcess").mayOnlyBeAccessedByLayers("Entry", "Composition", "Transport",
                        "Tools", "Request", "Job", "Services", "Provider")
                .because("nothing below the MCP surface knows about MCP, and nothing below job/ knows which "
                        + "tool called it")
                .check(ArchitectureClasses.main());
    }
}
