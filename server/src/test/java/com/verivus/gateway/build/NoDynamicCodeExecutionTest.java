package com.verivus.gateway.build;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release gate's rules on main code: no dynamic code execution. Nothing evaluates scripts; only the
 * process-spawning packages start processes (process/ runs the CLIs and probes without a shell, lifecycle/
 * starts the gateway itself for {@code gateway start}); reflection is confined to the one class that needs
 * it on constant names (the JDK's signal API), so no caller's value can name a class or method to run.
 */
class NoDynamicCodeExecutionTest {

    private static final String SPAWNING_PACKAGES_PROCESS = "com.verivus.gateway.process..";
    private static final String SPAWNING_PACKAGES_LIFECYCLE = "com.verivus.gateway.lifecycle..";
    /** sun.misc.Signal is looked up by its constant name: not on every JDK, so not linked at compile time. */
    private static final String SIGNALS = "com.verivus.gateway.lifecycle.TerminationSignals";

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.verivus.gateway");
    }

    @Test
    void no_main_class_evaluates_scripts() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.script..",
                        "jdk.jshell..", "javax.tools..")
                .because("a gateway that evaluates text as code turns a prompt into a program");
        rule.check(main);
    }

    @Test
    void only_the_process_spawning_packages_start_processes() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(SPAWNING_PACKAGES_PROCESS,
                        SPAWNING_PACKAGES_LIFECYCLE)
                .should().accessClassesThat().belongToAnyOf(ProcessBuilder.class)
                .orShould().callMethodWhere(calls(Runtime.class, "exec"))
                .because("process/ spawns without a shell and strips the gateway's secrets from child environments");
        rule.check(main);
        noClasses().that().resideInAPackage(SPAWNING_PACKAGES_LIFECYCLE)
                .should().callMethodWhere(calls(Runtime.class, "exec"))
                .check(main);
    }

    @Test
    void reflection_is_confined_to_the_signal_handler() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(SIGNALS)
                .should().callMethodWhere(calls(Class.class, "forName|newInstance|getMethod|getDeclaredMethod"
                        + "|getConstructor|getDeclaredConstructor|getField|getDeclaredField"))
                .orShould().callMethodWhere(calls(Method.class, "invoke"))
                .orShould().callMethodWhere(calls(Constructor.class, "newInstance"))
                .orShould().callMethodWhere(calls(MethodHandles.Lookup.class, "find.*"))
                .orShould().accessClassesThat().belongToAnyOf(Proxy.class)
                .because("a class or method named by a caller's value must never be loaded or run");
        rule.check(main);
    }

    private static DescribedPredicate<JavaAccess<?>> calls(Class<?> owner, String namePattern) {
        return target(owner(assignableTo(owner))).and(target(nameMatching(namePattern)))
                .as(owner.getSimpleName() + "." + namePattern);
    }
}
