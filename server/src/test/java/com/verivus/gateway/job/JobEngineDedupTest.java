package com.verivus.gateway.job;

import static com.verivus.gateway.job.JobFixtures.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.MemoryJobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dedup: what is reused, what never is, and that identical concurrent requests spawn one process. */
class JobEngineDedupTest extends JobEngineTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    Path counter;

    @BeforeEach
    void setUp() {
        counter = dir.resolve("spawns.txt");
    }

    private CliInvocation counting(String seconds) {
        return invocation(CliName.CLAUDE, "count", counter.toString(), seconds);
    }

    private long spawns() throws Exception {
        return Files.exists(counter) ? Files.readAllLines(counter).stream().filter(l -> !l.isBlank()).count() : 0;
    }

    @Test
    void anIdenticalRequestWhileTheFirstRunsReusesIt() throws Exception {
        JobStart first = engine.start(counting("1"), "first", false);
        JobStart second = engine.start(counting("1"), "second", false);

        assertThat(first.deduped()).isFalse();
        assertThat(second.deduped()).isTrue();
        assertThat(second.job().id()).isEqualTo(first.job().id());
        assertThat(second.originalCorrelationId()).isEqualTo("first");
        assertThat(second.job().status()).isEqualTo(JobStatus.RUNNING);
        engine.awaitTerminal(first.job().id(), WAIT);
        assertThat(spawns()).isEqualTo(1);
    }

    @Test
    void theSameRequestInTwoWorkingDirectoriesRunsTwiceEachInItsOwnDirectory() throws Exception {
        Path a = Files.createDirectories(dir.resolve("repo-a"));
        Path b = Files.createDirectories(dir.resolve("repo-b"));
        JobStart inA = engine.start(invocation(CliName.CODEX, "pwd").withWorkingDir(a), "a", false);
        engine.awaitTerminal(inA.job().id(), WAIT);
        JobStart inB = engine.start(invocation(CliName.CODEX, "pwd").withWorkingDir(b), "b", false);
        engine.awaitTerminal(inB.job().id(), WAIT);
        JobStart againInA = engine.start(invocation(CliName.CODEX, "pwd").withWorkingDir(a), "a2", false);

        assertThat(inB.deduped()).isFalse();
        assertThat(inB.job().id()).isNotEqualTo(inA.job().id());
        assertThat(againInA.deduped()).isTrue();
        assertThat(againInA.job().id()).isEqualTo(inA.job().id());
        assertThat(engine.result(inA.job().id(), 1000).orElseThrow().stdout()).isEqualTo(a + "\n");
        assertThat(engine.result(inB.job().id(), 1000).orElseThrow().stdout()).isEqualTo(b + "\n");
        assertThat(engine.snapshot(inB.job().id()).orElseThrow().toMap()).containsEntry("workingDir", b.toString());
        assertThat(store.find(inB.job().id()).orElseThrow().workingDir()).isEqualTo(b.toString());
    }

    @Test
    void anIdenticalRequestAfterCompletionGetsTheCachedResult() throws Exception {
        JobStart first = engine.start(counting("0"), "first", false);
        engine.awaitTerminal(first.job().id(), WAIT);

        JobStart again = engine.start(counting("0"), "again", false);

        assertThat(again.deduped()).isTrue();
        assertThat(again.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(engine.result(again.job().id(), 1000).orElseThrow().stdout()).isEqualTo("counted\n");
        assertThat(spawns()).isEqualTo(1);
    }

    @Test
    void aCompletedJobOnlyInTheStoreIsReusedByANewEngine() throws Exception {
        JobStart first = engine.start(counting("0"), "first", false);
        engine.awaitTerminal(first.job().id(), WAIT);
        engine.close();

        JobEngine next = fx.engine(JobFixtures.testSettings(), Optional.of(store));
        JobStart again = next.start(counting("0"), "again", false);
        assertThat(again.deduped()).isTrue();
        assertThat(again.job().id()).isEqualTo(first.job().id());
        assertThat(again.job().exited()).isTrue();
        assertThat(spawns()).isEqualTo(1);
    }

    @Test
    void jobsOlderThanTheWindowAreNotReused() throws Exception {
        JobEngine shortWindow = fx.engine(JobFixtures.testSettings().withDedupWindowMs(300), Optional.of(store));
        JobStart first = shortWindow.start(counting("0"), "a", false);
        shortWindow.awaitTerminal(first.job().id(), WAIT);
        Thread.sleep(400);

        JobStart later = shortWindow.start(counting("0"), "b", false);
        assertThat(later.deduped()).isFalse();
        assertThat(later.job().id()).isNotEqualTo(first.job().id());
        shortWindow.awaitTerminal(later.job().id(), WAIT);
        assertThat(spawns()).isEqualTo(2);
    }

    @Test
    void failedJobsAreNotReused() throws Exception {
        CliInvocation failing = invocation(CliName.CODEX, "exit", "1");
        JobStart first = engine.start(failing, "a", false);
        engine.awaitTerminal(first.job().id(), WAIT);
        JobStart second = engine.start(failing, "b", false);
        assertThat(second.deduped()).isFalse();
        assertThat(second.job().id()).isNotEqualTo(first.job().id());
    }

    @Test
    void canceledJobsAreNotReused() throws Exception {
        JobStart first = engine.start(counting("5"), "a", false);
        engine.cancel(first.job().id());
        engine.awaitTerminal(first.job().id(), WAIT);
        JobStart second = engine.start(counting("0"), "b", false);
        assertThat(second.deduped()).isFalse();
        engine.awaitTerminal(second.job().id(), WAIT);
    }

    @Test
    void forceRefreshAlwaysRunsAgain() throws Exception {
        JobStart first = engine.start(counting("0"), "a", false);
        engine.awaitTerminal(first.job().id(), WAIT);
        JobStart forced = engine.start(counting("0"), "b", true);
        assertThat(forced.deduped()).isFalse();
        engine.awaitTerminal(forced.job().id(), WAIT);
        assertThat(spawns()).isEqualTo(2);
    }

    @Test
    void requestsThatContinueAConversationAreNeverReused() throws Exception {
        CliInvocation resume = new CliInvocation(CliName.GEMINI, List.of("count", counter.toString(), "0"), Map.of(),
                null, null, List.of(), true);
        JobStart first = engine.start(resume, "a", false);
        engine.awaitTerminal(first.job().id(), WAIT);
        JobStart second = engine.start(resume, "b", false);
        assertThat(second.deduped()).isFalse();
        engine.awaitTerminal(second.job().id(), WAIT);
        assertThat(spawns()).isEqualTo(2);
    }

    @Test
    void differentArgsCliOrEnvironmentAreDifferentRequests() throws Exception {
        List<CliInvocation> distinct = List.of(
                invocation(CliName.CLAUDE, "echo", "one"),
                invocation(CliName.CLAUDE, "echo", "two"),
                invocation(CliName.CODEX, "echo", "one"),
                new CliInvocation(CliName.CLAUDE, List.of("echo", "one"), Map.of("X", "1"), null, null, List.of(),
                        false));
        List<String> ids = new ArrayList<>();
        for (CliInvocation inv : distinct) {
            JobStart s = engine.start(inv, "c", false);
            assertThat(s.deduped()).isFalse();
            ids.add(s.job().id());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theNewRequestsTempFilesAreReleasedAtOnceWhenDeduplicated() throws Exception {
        Path firstFile = Files.writeString(dir.resolve("first.json"), "{}");
        Path secondFile = Files.writeString(dir.resolve("second.json"), "{}");
        CliInvocation a = new CliInvocation(CliName.CODEX, List.of("sleep", "1"), Map.of(), null, null,
                List.of(firstFile), false);
        CliInvocation b = new CliInvocation(CliName.CODEX, List.of("sleep", "1"), Map.of(), null, null,
                List.of(secondFile), false);
        JobStart first = engine.start(a, "a", false);
        JobStart second = engine.start(b, "b", false);
        assertThat(second.deduped()).isTrue();
        assertThat(secondFile).doesNotExist();
        assertThat(firstFile).exists();
        engine.awaitTerminal(first.job().id(), WAIT);
        assertThat(firstFile).doesNotExist();
    }

    @Test
    void fiftyIdenticalConcurrentRequestsSpawnExactlyOneProcess() throws Exception {
        int n = 50;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JobStart>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                String corr = "c" + i;
                Callable<JobStart> task = () -> {
                    go.await();
                    return engine.start(counting("0.5"), corr, false);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<JobStart> starts = new ArrayList<>();
            for (Future<JobStart> f : futures) {
                starts.add(f.get());
            }
            assertThat(starts).extracting(s -> s.job().id()).containsOnly(starts.get(0).job().id());
            assertThat(starts).filteredOn(s -> !s.deduped()).hasSize(1);
            engine.awaitTerminal(starts.get(0).job().id(), WAIT);
        }
        assertThat(spawns()).isEqualTo(1);
    }

    @Test
    void theMemoryStoreDeduplicatesToo() throws Exception {
        JobEngine memory = fx.engine(JobFixtures.testSettings(), Optional.of(new MemoryJobStore(86_400_000L)));
        JobStart first = memory.start(counting("0"), "a", false);
        memory.awaitTerminal(first.job().id(), WAIT);
        assertThat(memory.start(counting("0"), "b", false).deduped()).isTrue();
        assertThat(spawns()).isEqualTo(1);
    }
}
