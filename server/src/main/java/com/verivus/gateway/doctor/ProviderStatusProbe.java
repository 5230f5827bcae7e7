package com.verivus.gateway.doctor;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.BoundedCommand;
import com.verivus.gateway.process.BoundedCommand.Outcome;
import com.verivus.gateway.process.ExecutableSearch;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.CliVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Finds out, per CLI, whether it is installed (its {@code --version}) and logged in (its status
 * command, credential files, or for Gemini the credential store and env keys). Every command has
 * an empty stdin and a time bound (5 s by default) after which its process tree is killed, so a
 * hung CLI costs the doctor at most one bound and never hangs it. All output is sanitized.
 */
public final class ProviderStatusProbe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final GatewayEnvironment env;
    private final Duration timeout;

    public ProviderStatusProbe(GatewayEnvironment env) {
        this(env, DEFAULT_TIMEOUT);
    }

    public ProviderStatusProbe(GatewayEnvironment env, Duration timeout) {
        this.env = env;
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The login status command of a CLI (arguments after the executable), empty for Gemini. */
    public static List<String> loginCheckArgs(CliName cli) {
        return switch (cli) {
            case CLAUDE -> List.of("auth", "status", "--json");
            case CODEX -> List.of("login", "status");
            case GROK -> List.of("inspect", "--json");
            case MISTRAL -> List.of("auth", "status");
            case GEMINI -> List.of();
        };
    }

    /** Probes the CLIs concurrently (one virtual thread each); the map keeps the order given. */
    public Map<CliName, ProviderStatus> probeAll(Collection<CliName> clis) {
        Map<CliName, ProviderStatus> out = new EnumMap<>(CliName.class);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ProviderStatus>> futures = new ArrayList<>();
            for (CliName cli : clis) {
                futures.add(pool.submit(() -> probe(cli)));
            }
            for (Future<ProviderStatus> f : futures) {
                ProviderStatus s = f.get();
                out.put(s.cli(), s);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("provider probe interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("provider probe failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    public ProviderStatus probe(CliName cli) {
        String exe = cli.executable();
        List<String> versionCommand = ProviderStatus.versionCommand(cli);
        Optional<Path> resolved = ExecutableSearch.find(env, exe);
        if (resolved.isEmpty()) {
            return ProviderStatus.missing(cli, exe + " was not found on PATH");
        }
        String path = resolved.get().toString();
        CliVersion answer;
        try {
            answer = CliVersion.probe(resolved.get(), env, Map.of(), timeout, BoundedCommand.DEFAULT_OUTPUT_CAP);
        } catch (IOException e) {
            return new ProviderStatus(cli, exe, path, false, null, versionCommand, "", "",
                    exe + ": could not start (" + e.getMessage() + ")", LoginStatus.NOT_CHECKED,
                    LoginCheck.notChecked(ProviderStatus.NOT_INSTALLED));
        }
        Outcome v = answer.outcome();
        String stdout = OutputSanitizer.excerpt(v.stdout(), ProviderStatus.EXCERPT);
        String stderr = OutputSanitizer.excerpt(v.stderr(), ProviderStatus.EXCERPT);
        if (v.timedOut()) {
            return new ProviderStatus(cli, exe, path, true, null, versionCommand, stdout, stderr,
                    exe + " --version did not answer within " + BoundedCommand.describe(timeout)
                            + "; the CLI looks hung (its process tree was killed)",
                    LoginStatus.UNKNOWN, LoginCheck.notChecked(
                            "Skipped: the CLI did not answer --version, so its login check would hang too."));
        }
        if (!answer.answered()) {
            return new ProviderStatus(cli, exe, path, false, null, versionCommand, stdout, stderr,
                    exe + " --version exited " + v.exitCode() + " without output", LoginStatus.NOT_CHECKED,
                    LoginCheck.notChecked(ProviderStatus.NOT_INSTALLED));
        }
        // read from the sanitized output: what the report shows must not carry what the sanitizer removes
        String version = CliVersion.parse(OutputSanitizer.sanitize(v.stdout()), OutputSanitizer.sanitize(v.stderr()))
                .orElse(null);
        LoginResult login = cli == CliName.GEMINI ? geminiLogin() : commandLogin(cli);
        return new ProviderStatus(cli, exe, path, true, version, versionCommand, stdout, stderr,
                null, login.status, login.check);
    }

    private record LoginResult(LoginStatus status, LoginCheck check) {
    }

    private LoginResult geminiLogin() {
        List<String> methods = CredentialStores.geminiMethods(env);
        if (methods.isEmpty()) {
            return new LoginResult(LoginStatus.UNKNOWN, new LoginCheck("credential_store", null, "not_found",
                    "No Gemini credentials found (~/.gemini/oauth_creds.json, ~/.gemini/google_accounts.json, "
                            + "~/.config/gemini/oauth_creds.json, GEMINI_API_KEY, GOOGLE_API_KEY, or "
                            + "GOOGLE_CLOUD_PROJECT with GOOGLE_GENAI_USE_VERTEXAI=true)."));
        }
        return new LoginResult(LoginStatus.AUTHENTICATED, new LoginCheck("credential_store", null, "present",
                "Gemini credentials found via " + String.join(", ", methods) + "; their contents were not read."));
    }

    private LoginResult commandLogin(CliName cli) {
        List<String> command = new ArrayList<>();
        command.add(cli.executable());
        command.addAll(loginCheckArgs(cli));
        boolean hasStore = cli == CliName.GROK || cli == CliName.MISTRAL;
        String store = hasStore ? (CredentialStores.anyFilePresent(cli, env) ? "present" : "not_found") : "not_checked";
        Outcome o = BoundedCommand.run(command, env, timeout);
        String shown = String.join(" ", command);
        LoginStatus status;
        String detail;
        if (o.timedOut() || !o.started()) {
            status = "present".equals(store) ? LoginStatus.AUTHENTICATED : LoginStatus.UNKNOWN;
            detail = (o.timedOut() ? shown + " did not answer within " + BoundedCommand.describe(timeout)
                    + " (process tree killed)" : shown + " could not run: " + o.error())
                    + ("present".equals(store) ? "; a local credential file is present." : ".");
        } else {
            status = LoginOutputClassifier.classify(o.stdout(), o.stderr());
            if (status == LoginStatus.UNKNOWN && "present".equals(store)) {
                status = LoginStatus.AUTHENTICATED;
            }
            detail = switch (status) {
                case AUTHENTICATED -> shown + " indicates an authenticated local runtime"
                        + (hasStore && "present".equals(store) ? " (credential file present)." : ".");
                case NOT_AUTHENTICATED -> shown + " indicates the CLI is not logged in.";
                default -> o.exitCode() != null && o.exitCode() != 0
                        ? shown + " exited " + o.exitCode() + " and its output did not show the login state."
                        : shown + " finished, but its output did not show the login state.";
            };
        }
        return new LoginResult(status, new LoginCheck("cli", command, store, detail));
    }
}
