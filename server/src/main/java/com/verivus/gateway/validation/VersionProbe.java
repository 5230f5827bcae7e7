package com.verivus.gateway.validation;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.doctor.ProviderStatus;
import com.verivus.gateway.process.BoundedCommand.Outcome;
import com.verivus.gateway.process.ExecutableSearch;
import com.verivus.gateway.process.ExtendedPath;
import com.verivus.gateway.provider.CliVersion;
import com.verivus.gateway.provider.CliName;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link ProviderAvailability}: a CLI is installed when its executable is on the
 * extended PATH (the one jobs are spawned with) and {@code <exe> --version} exits 0 or prints
 * something within the time limit (5 s) — the Node gateway's rule. The login is not checked
 * ({@code not_checked}). Answers are kept for a short while, so that a burst of
 * validation calls does not start a burst of version probes.
 */
public final class VersionProbe implements ProviderAvailability {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(60);
    private static final int MAX_OUTPUT_BYTES = 64 * 1024;

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
        String probe = "'" + cli.executable() + " --version'";
        CliVersion answer;
        try {
            answer = CliVersion.probe(found.get().path(), env, Map.of("PATH", path), timeout, MAX_OUTPUT_BYTES);
        } catch (IOException e) {
            return ProviderStatus.missing(cli, probe + " could not start: " + e.getMessage());
        }
        Outcome o = answer.outcome();
        if (o.interrupted()) {
            return ProviderStatus.missing(cli, "interrupted while probing " + probe);
        }
        if (answer.answered()) {
            return ProviderStatus.versionOnly(cli, found.get().path().toString(), answer);
        }
        return ProviderStatus.missing(cli, o.exitCode() != null
                ? probe + " exited with " + o.exitCode() + " and printed nothing"
                : probe + " printed nothing within " + timeout.toMillis() + "ms");
    }
}
