package com.verivus.gateway.build;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The gateway's main classes, imported once for the architecture rules (tests are not held to them). */
final class ArchitectureClasses {

    static final String ROOT = "com.verivus.gateway";

    private static JavaClasses main;

    private ArchitectureClasses() {
    }

    static synchronized JavaClasses main() {
        if (main == null) {
            main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(ROOT);
        }
        return main;
    }
}
