package com.verivus.gateway.changereview;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobFixtures;
import com.verivus.gateway.process.ProcessLauncher;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import com.verivus.gateway.store.MemoryJobStore;
import com.verivus.gateway.testing.ExecutableResource;
import com.verivus.gateway.validation.VersionProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A temp HOME whose ~/.local/bin holds the fake reviewer under the names of the installed providers,
 * a job engine on a memory store (which keeps the receipts too), and a {@link ChangeReviewer} with the
 * real upstream contract check.
 */
public final class ReviewFixtures implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path record;
    public final GatewayEnvironment env;
    public final MemoryJobStore store = new MemoryJobStore(86_400_000L);
    public final JobEngine engine;
    public final ChangeReviewer reviewer;

    public ReviewFixtures(Path root, Map<CliName, String> modes) {
        try {
            Path home = Files.createDirectories(root.resolve("home"));
            Path bin = Files.createDirectories(home.resolve(".local/bin"));
            Path work = Files.createDirectories(root.resolve("gateway-cwd"));
            this.record = root.resolve("reviews.jsonl");
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("PATH", "/usr/bin:/bin");
            vars.put("HOME", home.toString());
            vars.put("LANG", "C.UTF-8");
            vars.put("FAKE_REVIEW_RECORD", record.toString());
            for (Map.Entry<CliName, String> e : modes.entrySet()) {
                String exe = e.getKey().executable();
                ExecutableResource.install("/changereview-fakes/fake-reviewer", bin.resolve(exe));
                vars.put("FAKE_REVIEW_MODE_" + exe.toUpperCase(Locale.ROOT), e.getValue());
            }
            this.env = new GatewayEnvironment(vars, home, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.engine = new JobEngine(JobFixtures.testSettings(), Optional.of(store), new ProcessLauncher(env),
                Clock.systemUTC());
        Map<String, String> gitEnv = new LinkedHashMap<>(System.getenv());
        gitEnv.put("GIT_CONFIG_GLOBAL", "/dev/null");
        gitEnv.put("GIT_CONFIG_NOSYSTEM", "1");
        this.reviewer = new ChangeReviewer(engine, new VersionProbe(env, Duration.ofSeconds(20), Duration.ZERO,
                Clock.systemUTC()), UpstreamContracts::assertArgs,
                new ChangeSetCapture(gitEnv, Duration.ofSeconds(60)), store, Clock.systemUTC());
    }

    /** The review runs the fakes recorded (no --version probes). */
    public List<Map<String, Object>> runs() {
        if (!Files.exists(record)) {
            return List.of();
        }
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : Files.readAllLines(record)) {
                Map<String, Object> m = JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { });
                if (!List.of("--version").equals(m.get("argv"))) {
                    out.add(m);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<String> argv(Map<String, Object> run) {
        return (List<String>) run.get("argv");
    }

    @Override
    public void close() {
        engine.close();
    }
}
