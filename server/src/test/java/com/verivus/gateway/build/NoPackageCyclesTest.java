package com.verivus.gateway.build;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * No two packages of the gateway depend on each other, directly or around a loop: a cycle means
 * neither side can be read, tested or moved without the other (docs/architecture.md).
 *
 * <p>Slices are top-level packages: inside {@code provider/} the sealed {@code ProviderCall} and its
 * per-CLI subpackages still refer to each other, which a sealed hierarchy across packages needs.
 */
class NoPackageCyclesTest {

    @Test
    void top_level_packages_are_free_of_cycles() {
        slices().assignedFrom(new TopLevelPackages()).should().beFreeOfCycles()
                .because("the composition root, each feature package and its subpackages form one unit each")
                .check(ArchitectureClasses.main());
    }

    /**
     * One slice per top-level package, its subpackages included, and one for the root package itself
     * (the composition root), which {@code matching("com.verivus.gateway.(*)..")} would leave out.
     */
    private static final class TopLevelPackages implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(ArchitectureClasses.ROOT)) {
                return SliceIdentifier.of("(composition root)");
            }
            if (!pkg.startsWith(ArchitectureClasses.ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = pkg.substring(ArchitectureClasses.ROOT.length() + 1);
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "top-level packages of " + ArchitectureClasses.ROOT;
        }
    }
}
