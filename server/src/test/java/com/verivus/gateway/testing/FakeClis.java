package com.verivus.gateway.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.ExtendedPath;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.request.LoginGate;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fake provider CLIs of {@code src/test/resources/fake-cli/} installed as real executables in a temp
 * bin directory: {@link #install} copies and chmods them; {@link #env} gives the PATH (bin first) and
 * FAKE_CLI_RECORD to run them with; {@link #records} reads what they recorded; {@link #run} spawns one
 * with an adapter's {@link CliInvocation}. See fake-cli/README.md for the modes.
 */
public final class FakeClis {

    /** The files copied: the five executables and their shared module. */
    public static final List<String> FILES = List.of("claude", "codex", "gemini", "grok", "vibe",
            "fake_cli_common.py");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path bin;
    private final Path recordFile;

    private FakeClis(Path bin, Path recordFile) {
        this.bin = bin;
        this.recordFile = recordFile;
    }

    /** Copies the fakes to {@code dir/bin} (executable) and records to {@code dir/fake-cli-record.jsonl}. */
    public static FakeClis install(Path dir) {
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            for (String name : FILES) {
                try (InputStream in = FakeClis.class.getResourceAsStream("/fake-cli/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing test resource fake-cli/" + name);
                    }
                    Path target = bin.resolve(name);
                    Files.write(target, in.readAllBytes());
                    if (!name.endsWith(".py") && !target.toFile().setExecutable(true, false)) {
                        throw new IOException("cannot make " + target + " executable");
                    }
                }
            }
            return new FakeClis(bin, dir.resolve("fake-cli-record.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path bin() {
        return bin;
    }

    public Path recordFile() {
        return recordFile;
    }

    /** bin first, then the system's tools only (python3, sleep, git; never a real provider CLI). */
    public String path() {
        return HermeticPath.withFakes(bin);
    }

    /**
     * PATH, an empty {@link ExtendedPath#OVERRIDE_ENV} (no install locations before PATH), the login gate off,
     * FAKE_CLI_RECORD plus {@code extra} (e.g. FAKE_CLI_MODE). */
    public Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", path());
        env.put(ExtendedPath.OVERRIDE_ENV, "");
        // the gateway's background login checks would spawn fakes (and add records) at moments no test controls;
        // tests of the login gate turn it back on with "on"
        env.put(LoginGate.ENV, "off");
        env.put("FAKE_CLI_RECORD", recordFile.toString());
        env.putAll(extra);
        return env;
    }

    /** A gateway environment whose PATH finds the fakes, with its own HOME and working directory. */
    public GatewayEnvironment gatewayEnvironment(Path home, Path workingDirectory, Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>(HermeticPath.environment(path(), home));
        vars.putAll(env(extra));
        return new GatewayEnvironment(vars, home, workingDirectory);
    }

    /** Every call recorded so far, oldest first: cli, argv, cwd, env, pid, mode, [files], [usageError]. */
    public List<Map<String, Object>> records() {
        if (!Files.exists(recordFile)) {
            return List.of();
        }
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : Files.readAllLines(recordFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> lastRecord() {
        List<Map<String, Object>> all = records();
        if (all.isEmpty()) {
            throw new IllegalStateException("no fake CLI was called");
        }
        return all.get(all.size() - 1);
    }

    /** What a spawned fake printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /**
     * Spawns the invocation's executable from bin with its argv, in {@code cwd}, with {@link #env}
     * + {@code extraEnv} + the invocation's own env, and waits up to {@code timeout}.
     */
    public Result run(CliInvocation invocation, Path cwd, Map<String, String> extraEnv, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(invocation.cli().executable()).toString());
        command.addAll(invocation.args());
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env(extraEnv));
        pb.environment().putAll(invocation.env());
        try {
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
            Thread e = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            o.join();
            e.join();
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process went away
        }
    }
}
