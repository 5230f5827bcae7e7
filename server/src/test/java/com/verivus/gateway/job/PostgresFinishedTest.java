package com.verivus.gateway.job;

import static com.verivus.gateway.job.JobFixtures.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import com.verivus.gateway.store.postgres.PostgresJobStore;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JobEngine#finished} for a job another gateway runs on the same PostgreSQL database: the wait ends
 * at that gateway's NOTIFY, not at the next re-read (every 2 s on a store with signals).
 */
class PostgresFinishedTest {

    @TempDir
    Path dir;

    JobFixtures fx;
    PostgresTestDatabase database;
    PostgresJobStore runnerStore;
    PostgresJobStore waiterStore;

    @BeforeEach
    void setUp() {
        fx = JobFixtures.in(dir);
        database = PostgresTestDatabase.create();
        runnerStore = new PostgresJobStore(PostgresDatabase.open(database.dsn()), 86_400_000L, true);
        waiterStore = new PostgresJobStore(PostgresDatabase.open(database.dsn()), 86_400_000L, true);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        runnerStore.close();
        waiterStore.close();
        database.close();
    }

    @Test
    void aJobOfAnotherGatewayEndsAtItsNotification() throws Exception {
        JobEngine runner = fx.engine(JobFixtures.testSettings(), Optional.of(runnerStore));
        JobEngine waiter = fx.engine(JobFixtures.testSettings(), Optional.of(waiterStore));
        String id = runner.start(invocation(CliName.CODEX, "partial", "remote", "0.5"), "c", true).job().id();
        CompletableFuture<JobSnapshot> own = runner.finished(id);
        CompletableFuture<JobSnapshot> foreign = waiter.finished(id);
        assertThat(foreign).isNotDone();

        own.get(20, TimeUnit.SECONDS);
        long settled = System.nanoTime();
        JobSnapshot s = foreign.get(20, TimeUnit.SECONDS);
        Duration lag = Duration.ofNanos(System.nanoTime() - settled);

        assertThat(s.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(waiter.finalResult(s).stdout()).isEqualTo("remote\ntail\n");
        // the re-read alone would come about 1.5 s after the job's end
        assertThat(lag).isLessThan(Duration.ofMillis(1000));
    }
}
