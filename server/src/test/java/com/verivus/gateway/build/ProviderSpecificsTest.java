package com.verivus.gateway.build;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

/**
 * The request path asks its {@code ProviderCall} for whatever one CLI does differently, so a CLI's own
 * package is reached from {@code request/} only through that CLI's call records (docs/architecture.md,
 * "where to add a provider").
 */
class ProviderSpecificsTest {

    private static final String P = ArchitectureClasses.ROOT;

    @Test
    void only_the_call_records_of_request_reach_into_a_cli_package() {
        noClasses().that().resideInAPackage(P + ".request..")
                .and().haveSimpleNameNotEndingWith("Call")
                .and().doNotHaveSimpleName("CodexThreads")
                .should().dependOnClassesThat().resideInAnyPackage(P + ".provider.claude..",
                        P + ".provider.codex..", P + ".provider.gemini..", P + ".provider.grok..",
                        P + ".provider.mistral..")
                .because("RequestPipeline, ReplyBodies and SessionBookkeeping hold no provider special cases")
                .check(ArchitectureClasses.main());
    }
}
