package com.verivus.gateway.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.testing.ExecutableResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A temp bin directory holding the fake CLIs of {@code src/test/resources/fake-cli} under their command
 * names, its {@code installer} fake as npm, pip, pip3, uv and brew, plus python3, and the environment that
 * puts only that directory on PATH. Modes ({@code FAKE_CLI_MODE_<NAME>}) and the record
 * ({@code FAKE_CLI_RECORD}) are the fake-cli ones; see fake-cli/README.md.
 */
public final class DoctorFakes {

    public static final List<String> CLIS = List.of("claude", "codex", "gemini", "grok", "vibe");
    public static final List<String> INSTALLERS = List.of("npm", "pip", "pip3", "uv", "brew");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path bin;
    private final Path record;
    private final Map<String, String> vars = new HashMap<>();

    private DoctorFakes(Path root) throws IOException {
        this.bin = Files.createDirectories(root.resolve("fake-bin"));
        this.record = root.resolve("fake-calls.jsonl");
        Files.createSymbolicLink(bin.resolve("python3"), Path.of(python3()));
        vars.put("PATH", bin.toString());
        vars.put("FAKE_CLI_RECORD", record.toString());
        ExecutableResource.install("/fake-cli/fake_cli_common.py", bin.resolve("fake_cli_common.py"));
    }

    /** A fake bin under {@code root} (not under HOME, so HOME stays untouched). */
    public static DoctorFakes in(Path root) {
        try {
            return new DoctorFakes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String python3() {
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("python3 is needed by the fake CLIs");
    }

    /** Installs fakes under these names (claude, npm, ...). */
    public DoctorFakes install(String... names) {
        try {
            for (String name : names) {
                if (!CLIS.contains(name) && !INSTALLERS.contains(name)) {
                    throw new IllegalArgumentException("no fake for " + name);
                }
                ExecutableResource.install("/fake-cli/" + (CLIS.contains(name) ? name : "installer"), bin.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public DoctorFakes installAllClis() {
        return install(CLIS.toArray(String[]::new));
    }

    public DoctorFakes mode(String name, String mode) {
        vars.put("FAKE_CLI_MODE_" + name.toUpperCase(Locale.ROOT), mode);
        return this;
    }

    public Path bin() {
        return bin;
    }

    /** The fake variables (PATH, FAKE_CLI_*). */
    public Map<String, String> vars() {
        return Map.copyOf(vars);
    }

    public GatewayEnvironment env(Path home, Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(vars);
        all.put("HOME", home.toString());
        all.putAll(extra);
        return new GatewayEnvironment(all, home, home);
    }

    /** The calls recorded so far, one JSON object each. */
    public List<JsonNode> calls() {
        List<JsonNode> out = new ArrayList<>();
        try {
            if (Files.exists(record)) {
                for (String line : Files.readAllLines(record)) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public List<JsonNode> calls(String name) {
        return calls().stream().filter(c -> c.get("cli").asText().equals(name)).toList();
    }

    /** Fails when a process started by a hung fake (found by its record-file marker) is still alive. */
    public void assertNoLeftoverChildren() throws InterruptedException {
        String marker = record.toString();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(3).toNanos();
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        left.forEach(ProcessHandle::destroyForcibly);
        org.assertj.core.api.Assertions.assertThat(left).as("processes left behind by a hung fake").isEmpty();
    }
}
