package com.verivus.gateway.job;

import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.store.SqliteJobStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temp directory per test with the job-cli fixtures ({@code fx}), a real SQLite job store in it
 * ({@code store}, 24 h retention) and an engine on that store with the test settings
 * ({@code engine}); all closed after the test. A subclass's own {@code @BeforeEach} runs after this one.
 */
public abstract class JobEngineTestBase {

    @TempDir
    protected Path dir;

    protected JobFixtures fx;
    protected JobStore store;
    protected JobEngine engine;

    @BeforeEach
    void openEngineOnSqlite() {
        fx = JobFixtures.in(dir);
        store = SqliteJobStore.open(dir.resolve("logs.db"), 86_400_000L);
        engine = fx.engine(JobFixtures.testSettings(), Optional.of(store));
    }

    @AfterEach
    void closeEngineAndStore() {
        fx.close();
        store.close();
    }
}
