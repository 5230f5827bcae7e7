package com.verivus.gateway.validation;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.ExecutableSearch;
import com.verivus.gateway.process.ExtendedPath;
import com.verivus.gateway.provider.CliName;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The default {@link ProviderAvailability}: a CLI is installed when its executable is on the
 * extended PATH (the one jobs are spawned with) and {@code <exe> --version} exits 0 or prints
 * something within the time limit (5 s) — the Node gateway's rule. The login is not checked
 * ({@link LoginStatus#NOT_CHECKED}). Answers are kept for a short while, so that a burst of
 * validation calls does not start a burst of version probes.
 */
public final class VersionProbe implements ProviderAvailability {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(60);
    private static final int MAX_OUTPUT_BYTES = 64 * 1024;
    private static final int MAX_VERSION_CHARS = 200;
    private static final File DEV_NULL = new File("/dev/null");

    private final GatewayEnvironment env;
    private final String path;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<CliName, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ProviderStatus status, Instant at) {
    }

    public VersionProbe(GatewayEnvironment env, Duration timeout, Duration cacheFor, Clock clock) {
        this.env = env;
        this.path = ExtendedPath.of(env);
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** 5 s per probe, answers kept for 60 s. */
    public VersionProbe(GatewayEnvironment env) {
        this(env, DEFAULT_TIMEOUT, DEFAULT_CACHE, Clock.systemUTC());
    }

    @Override
    public ProviderStatus status(CliName cli) {
        Instant now = clock.instant();
        Cached hit = cache.get(cli);
        if (hit != null && hit.at().plus(cacheFor).isAfter(now)) {
            return hit.status();
        }
        ProviderStatus status = probe(cli);
        cache.put(cli, new Cached(status, now));
        return status;
    }

    private ProviderStatus probe(CliName cli) {
        Optional<ExecutableSearch.Found> found = ExecutableSearch.locate(env, cli.executable(), path);
        if (found.isEmpty()) {
            return ProviderStatus.missing(cli, "'" + cli.executable() + "' is not on PATH");
        }
        if (!found.get().executable()) {
            return ProviderStatus.missing(cli, found.get().path() + " is not executable");
        }
        ProcessBuilder builder = new ProcessBuilder(found.get().path().toString(), "--version")
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectErrorStream(true)
                .directory(env.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(env.variables());
        builder.environment().put("PATH", path);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return ProviderStatus.missing(cli, "'" + cli.executable() + " --version' could not start: " + e.getMessage());
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), output));
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(1));
            String text;
            synchronized (output) {
                text = output.toString(StandardCharsets.UTF_8);
            }
            String version = firstLine(text);
            if (exited && process.exitValue() == 0 || version != null) {
                return ProviderStatus.installed(cli, version, LoginStatus.NOT_CHECKED);
            }
            return ProviderStatus.missing(cli, exited
                    ? "'" + cli.executable() + " --version' exited with " + process.exitValue() + " and printed nothing"
                    : "'" + cli.executable() + " --version' printed nothing within " + timeout.toMillis() + "ms");
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return ProviderStatus.missing(cli, "interrupted while probing '" + cli.executable() + " --version'");
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (sink) {
                    if (sink.size() < MAX_OUTPUT_BYTES) {
                        sink.write(buffer, 0, Math.min(n, MAX_OUTPUT_BYTES - sink.size()));
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed or closed its output; what was read is all there is
        }
    }

    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.length() <= MAX_VERSION_CHARS ? t : t.substring(0, MAX_VERSION_CHARS);
            }
        }
        return null;
    }
}
