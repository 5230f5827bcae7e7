package com.verivus.gateway.validation;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temp directory per test and the {@link ValidationFixtures} a test builds in it ({@code fx}),
 * closed after the test (its job engines and fake CLIs with it).
 */
public abstract class ValidationTestBase {

    @TempDir
    protected Path dir;

    protected ValidationFixtures fx;

    @AfterEach
    void closeFixtures() {
        if (fx != null) {
            fx.close();
        }
    }
}
