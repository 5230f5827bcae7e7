package com.verivus.gateway.validation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobFixtures;
import com.verivus.gateway.process.ProcessLauncher;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.store.MemoryJobStore;
import com.verivus.gateway.testing.ExecutableResource;
import com.verivus.gateway.testing.HermeticPath;
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
import java.util.function.BiConsumer;

/**
 * A temp HOME whose ~/.local/bin (first on the job engine's extended PATH) holds the fake CLIs of
 * {@code src/test/resources/fake-cli} of the installed providers only, a gateway environment that puts
 * each in its reviewer mode ({@code FAKE_CLI_MODE_<EXE>}: agree, disagree, markdown, plain, empty, or
 * fail, slow, hang, no-version), and job engines on a memory store (so dedup applies) closed with it.
 */
public final class ValidationFixtures implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path home;
    public final Path bin;
    public final Path record;
    public final GatewayEnvironment env;
    private final List<JobEngine> engines = new ArrayList<>();

    private ValidationFixtures(Path root, Map<CliName, String> modes, Map<String, String> variables) throws IOException {
        this.home = Files.createDirectories(root.resolve("home"));
        this.bin = Files.createDirectories(home.resolve(".local").resolve("bin"));
        this.record = root.resolve("invocations.jsonl");
        Path work = Files.createDirectories(root.resolve("work"));
        Map<String, String> vars = new LinkedHashMap<>();
        vars.putAll(HermeticPath.environment(HermeticPath.withFakes(bin), home));
        vars.put("FAKE_CLI_RECORD", record.toString());
        vars.put("FAKE_CLI_REVIEW", "agree"); // slow and hang answer (if ever) as reviewers that agree
        for (Map.Entry<CliName, String> e : modes.entrySet()) {
            install(e.getKey().executable());
            vars.put("FAKE_CLI_MODE_" + e.getKey().executable().toUpperCase(Locale.ROOT), e.getValue());
        }
        vars.putAll(variables);
        this.env = new GatewayEnvironment(vars, home, work);
    }

    public static Builder in(Path root) {
        return new Builder(root);
    }

    /** Which providers are installed and how each behaves. */
    public static final class Builder {
        private final Path root;
        private final Map<CliName, String> modes = new LinkedHashMap<>();
        private final Map<String, String> variables = new LinkedHashMap<>();

        private Builder(Path root) {
            this.root = root;
        }

        public Builder install(CliName cli, String mode) {
            modes.put(cli, mode);
            return this;
        }

        public Builder variable(String name, String value) {
            variables.put(name, value);
            return this;
        }

        public ValidationFixtures build() {
            try {
                return new ValidationFixtures(root, modes, variables);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The fake-cli fake of this executable (and the module the fakes share), in reviewer modes. */
    private void install(String name) throws IOException {
        ExecutableResource.install("/fake-cli/" + name, bin.resolve(name));
        ExecutableResource.install("/fake-cli/fake_cli_common.py", bin.resolve("fake_cli_common.py"));
    }

    /** An engine on a memory store (dedup on), closed with the fixtures. */
    public JobEngine engine() {
        return engine(Optional.of(new MemoryJobStore(86_400_000L)));
    }

    public JobEngine engine(Optional<JobStore> store) {
        JobEngine engine = new JobEngine(JobFixtures.testSettings(), store, new ProcessLauncher(env), Clock.systemUTC());
        engines.add(engine);
        return engine;
    }

    /** The default probe without its cache, so each test sees what is on disk now. */
    public ProviderAvailability availability() {
        return new VersionProbe(env, Duration.ofSeconds(5), Duration.ZERO, Clock.systemUTC());
    }

    public ValidationOrchestrator orchestrator(JobEngine engine) {
        return orchestrator(engine, UpstreamContractStandIn::check);
    }

    public ValidationOrchestrator orchestrator(JobEngine engine, BiConsumer<CliName, List<String>> contract) {
        return new ValidationOrchestrator(engine, availability(), contract);
    }

    /** Every invocation the fakes recorded, --version probes included. */
    public List<Map<String, Object>> allInvocations() {
        if (!Files.exists(record)) {
            return List.of();
        }
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : Files.readAllLines(record)) {
                if (!line.isBlank()) {
                    out.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { }));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider runs the fakes recorded (no --version probes). */
    public List<Map<String, Object>> runs() {
        return allInvocations().stream().filter(m -> !List.of("--version").equals(m.get("argv"))).toList();
    }

    @SuppressWarnings("unchecked")
    public static List<String> argv(Map<String, Object> invocation) {
        return (List<String>) invocation.get("argv");
    }

    @Override
    public void close() {
        for (JobEngine engine : engines) {
            engine.close();
        }
    }
}
