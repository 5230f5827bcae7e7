package com.verivus.gateway.request;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.doctor.LoginStatus;
import com.verivus.gateway.doctor.ProviderStatus;
import com.verivus.gateway.doctor.ProviderStatusProbe;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.LoginGuide;
import com.verivus.gateway.provider.LoginRequired;
import com.verivus.gateway.store.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Fails a request fast when its CLI is known to be logged out, instead of starting it: codex without a login
 * (and without a network) retries for ever rather than exit. What is known comes from the doctor's login
 * check, run in the background (never on the request's path) when nothing fresh is known, and from every
 * finished run: a failed run that ends with the CLI's own "not logged in" answer marks it logged out, a completed
 * run marks it logged in.
 * Only a fresh "logged out" (younger than {@link #FRESH}) refuses; anything else lets the request run.
 *
 * <p>{@value #ENV}{@code =off} turns the gate off. A CLI given an API key in the gateway's environment
 * ({@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY}/{@code CODEX_API_KEY}) is never refused: its login
 * status command may not know about the key.
 */
public final class LoginGate {

    public static final String ENV = "LLM_GATEWAY_LOGIN_CHECK";
    static final Duration FRESH = Duration.ofMinutes(5);

    /** What is known about one CLI's login, when and how it was learnt. */
    record Known(boolean loggedIn, Instant at, String how) {
    }

    private final boolean enabled;
    private final Function<CliName, Optional<Known>> check;
    private final GatewayEnvironment env;
    private final Clock clock;
    private final Map<CliName, Known> known = new ConcurrentHashMap<>();
    private final Set<CliName> checking = ConcurrentHashMap.newKeySet();

    LoginGate(GatewayEnvironment env, Function<CliName, Optional<Known>> check, Clock clock) {
        this.env = env;
        this.enabled = !env.get(ENV).map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> v.equals("off") || v.equals("0") || v.equals("false")).isPresent();
        this.check = check;
        this.clock = clock;
    }

    /** The gate of a gateway: the doctor's login checks, with their usual time bound. */
    public static LoginGate of(GatewayEnvironment env) {
        ProviderStatusProbe probe = new ProviderStatusProbe(env);
        Clock clock = Clock.systemUTC();
        return new LoginGate(env, cli -> {
            ProviderStatus s = probe.probe(cli);
            String how = s.loginCheck() == null || s.loginCheck().command() == null ? "its credential store"
                    : String.join(" ", s.loginCheck().command());
            return switch (s.loginStatus()) {
                case AUTHENTICATED -> Optional.of(new Known(true, clock.instant(), how));
                case NOT_AUTHENTICATED -> Optional.of(new Known(false, clock.instant(), how));
                default -> Optional.empty();
            };
        }, clock);
    }

    /**
     * Empty when {@code cli} may run; else why not, for the error a client gets. Starts a background check
     * when nothing fresh is known.
     */
    public Optional<String> refusal(CliName cli) {
        if (!enabled || hasApiKey(cli)) {
            return Optional.empty();
        }
        Known k = known.get(cli);
        boolean fresh = k != null && Duration.between(k.at(), clock.instant()).compareTo(FRESH) < 0;
        if (!fresh) {
            refreshInBackground(cli);
            return Optional.empty();
        }
        if (k.loggedIn()) {
            return Optional.empty();
        }
        long ago = Math.max(0, Duration.between(k.at(), clock.instant()).toSeconds());
        return Optional.of(LoginRequired.advice(cli) + "\n(The gateway did not start " + cli.executable()
                + ": " + k.how() + " said so " + ago + " s ago. It checks again after " + FRESH.toMinutes()
                + " minutes; " + ENV + "=off makes it always run the CLI.)");
    }

    /** Learns from every settled run of this gateway, whichever tool started it ({@code SettledRuns}). */
    public void learn(JobResult result) {
        CliName.fromKey(result.snapshot().cli()).ifPresent(cli -> {
            if (result.snapshot().status() == JobStatus.COMPLETED) {
                known.put(cli, new Known(true, clock.instant(), "a completed run"));
            } else if (result.snapshot().status() == JobStatus.FAILED
                    && LoginRequired.cliAnswered(cli, result.stdout(), result.stderr())) {
                known.put(cli, new Known(false, clock.instant(), "its last run's output"));
            }
        });
    }

    private boolean hasApiKey(CliName cli) {
        return LoginGuide.apiKeyVariables(cli).stream().anyMatch(k -> env.nonBlank(k).isPresent());
    }

    private void refreshInBackground(CliName cli) {
        if (!checking.add(cli)) {
            return;
        }
        Thread.ofVirtual().name("login-check-" + cli.key()).start(() -> {
            try {
                check.apply(cli).ifPresent(k -> known.put(cli, k));
            } catch (RuntimeException e) {
                GatewayLog.debug("login check of " + cli.key() + " failed: " + e.getMessage());
            } finally {
                checking.remove(cli);
            }
        });
    }
}
