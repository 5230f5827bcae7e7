package com.verivus.gateway.provider;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temp directory per test and the {@link AdapterFixture} in it ({@code fx}: HOME, working and data
 * directories, fixed ids). A subclass's own {@code @BeforeEach} runs after this one.
 */
public abstract class AdapterTestBase {

    @TempDir
    protected Path tmp;

    protected AdapterFixture fx;

    @BeforeEach
    void createAdapterFixture() {
        fx = new AdapterFixture(tmp);
    }
}
