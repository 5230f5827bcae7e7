package com.verivus.gateway.doctor;

import com.verivus.gateway.config.GatewayVersion;
import com.verivus.gateway.clientconfig.StdioLaunch;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.HttpBinding;
import com.verivus.gateway.config.PersistenceConfigLoader;
import com.verivus.gateway.provider.CliName;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the doctor report (§9.1): system, gateway, transport, auth, providers (install, version,
 * login, guidance), endpoint exposure, persistence and client configuration, with the next actions
 * a person should take. Read-only: it runs {@code --version} and login-status commands and looks at
 * files, but opens no store and creates no file or directory.
 */
public final class Doctor {

    public static final String AUTH_ACTION = "Set LLM_GATEWAY_AUTH_TOKEN before starting HTTP transport.";
    public static final String DEFAULT_ACTION = "Run a client setup guide and verify with doctor --json after each step.";

    /** toISOString's format: always milliseconds, always Z. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final GatewayEnvironment env;
    private final ProviderStatusProbe probe;
    private final PublicUrlVerifier verifier;
    private final Clock clock;

    public Doctor(GatewayEnvironment env) {
        this(env, new ProviderStatusProbe(env), PublicUrlVerifier.http(), Clock.systemUTC());
    }

    public Doctor(GatewayEnvironment env, ProviderStatusProbe probe, PublicUrlVerifier verifier, Clock clock) {
        this.env = env;
        this.probe = probe;
        this.verifier = verifier;
        this.clock = clock;
    }

    public DoctorReport run() {
        Instant generatedAt = clock.instant();
        Map<CliName, ProviderStatus> providers = probe.probeAll(Arrays.asList(CliName.values()));
        List<DoctorCheck> checks = new ArrayList<>();
        NextActions actions = new NextActions();
        Map<String, Object> report = new LinkedHashMap<>();

        report.put("schema_version", "1.0");
        report.put("ok", true); // settled below
        report.put("generated_at", ISO_MILLIS.format(generatedAt));
        Map<String, Object> system = system();
        report.put("system", system);
        report.put("gateway", Map.of("name", GatewayVersion.NAME, "version", GatewayVersion.version()));
        checks.add(DoctorCheck.ok("gateway", GatewayVersion.NAME + " " + GatewayVersion.version() + " on "
                + system.get("os") + " " + system.get("arch") + ", Java " + system.get("java_version")));

        // transport and auth
        boolean http = "http".equals(env.get("LLM_GATEWAY_TRANSPORT").orElse(null))
                || "http".equals(env.get("MCP_TRANSPORT").orElse(null));
        HttpBinding binding;
        String bindingError = null;
        try {
            binding = HttpBinding.from(env);
        } catch (IllegalArgumentException e) {
            bindingError = e.getMessage();
            binding = new HttpBinding(env.nonBlank("LLM_GATEWAY_HTTP_HOST").orElse(HttpBinding.DEFAULT_HOST),
                    HttpBinding.DEFAULT_PORT, env.nonBlank("LLM_GATEWAY_HTTP_PATH").orElse(HttpBinding.DEFAULT_PATH));
        }
        String rawPublicUrl = env.get("LLM_GATEWAY_PUBLIC_URL").orElse("");
        Map<String, Object> httpBlock = new LinkedHashMap<>();
        httpBlock.put("enabled", http);
        httpBlock.put("host", binding.host());
        httpBlock.put("port", binding.port());
        httpBlock.put("path", binding.path());
        httpBlock.put("public_url_configured", !rawPublicUrl.isEmpty());
        httpBlock.put("public_url", UrlRedaction.redact(rawPublicUrl));
        if (bindingError != null) {
            httpBlock.put("error", bindingError);
        }
        Map<String, Object> transport = new LinkedHashMap<>();
        transport.put("default", http ? "http" : "stdio");
        transport.put("http", httpBlock);
        report.put("transport", transport);
        if (bindingError != null) {
            checks.add(DoctorCheck.warn("transport", bindingError + "; port " + HttpBinding.DEFAULT_PORT + " assumed"));
        } else {
            checks.add(DoctorCheck.ok("transport", http ? "HTTP (LLM_GATEWAY_TRANSPORT/MCP_TRANSPORT) at "
                    + binding.localUrl() : "stdio by default; --transport=http would serve " + binding.localUrl()));
        }

        boolean authRequired = !"1".equals(env.get("LLM_GATEWAY_AUTH_DISABLED").orElse(null));
        boolean tokenConfigured = !env.get("LLM_GATEWAY_AUTH_TOKEN").orElse("").isEmpty();
        boolean tokenFile = Files.isRegularFile(env.defaultDataDirectory().resolve("auth-token"));
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("required", authRequired);
        auth.put("token_configured", tokenConfigured);
        auth.put("source", authRequired ? "env" : "disabled");
        auth.put("token_file_present", tokenFile);
        report.put("auth", auth);
        boolean authBlocks = http && authRequired && !tokenConfigured;
        if (authBlocks) {
            actions.add(NextActions.Rank.GATEWAY_BLOCKED, AUTH_ACTION);
            checks.add(DoctorCheck.fail("auth", "HTTP transport needs LLM_GATEWAY_AUTH_TOKEN (requests get 503 "
                    + "without it)" + (tokenFile ? "; gateway start would use ~/.llm-cli-gateway/auth-token" : "")));
        } else if (!authRequired) {
            checks.add(DoctorCheck.warn("auth", "disabled (LLM_GATEWAY_AUTH_DISABLED=1): anyone who reaches the "
                    + "HTTP endpoint can drive your CLIs"));
        } else if (tokenConfigured) {
            checks.add(DoctorCheck.ok("auth", "bearer token configured (LLM_GATEWAY_AUTH_TOKEN)"));
        } else {
            checks.add(DoctorCheck.ok("auth", "no token needed for stdio; "
                    + (tokenFile ? "gateway start will use ~/.llm-cli-gateway/auth-token"
                    : "gateway start creates ~/.llm-cli-gateway/auth-token for HTTP")));
        }

        // persistence (read-only resolution)
        PersistenceSummary persistence = PersistenceSummary.resolve(env);
        if (!persistence.valid()) {
            actions.add(NextActions.Rank.GATEWAY_BLOCKED, "Fix the [persistence] settings in " + configLocation()
                    + " or the LLM_GATEWAY_* job-store variables: " + persistence.error());
            checks.add(DoctorCheck.fail("persistence", persistence.describe()));
        } else if (!Boolean.TRUE.equals(persistence.json().get("asyncJobsEnabled"))) {
            checks.add(DoctorCheck.warn("persistence", persistence.describe()));
        } else {
            checks.add(DoctorCheck.ok("persistence", persistence.describe()));
        }
        if (bindingError != null) {
            actions.add(NextActions.Rank.GATEWAY_BLOCKED, "Fix LLM_GATEWAY_HTTP_PORT: " + bindingError + ".");
        }

        // endpoint exposure
        Map<String, Object> exposure = EndpointExposure.report(env, binding, verifier);
        @SuppressWarnings("unchecked")
        List<String> exposureActions = (List<String>) exposure.get("next_actions");
        actions.addAll(NextActions.Rank.EXPOSURE, exposureActions);
        checks.add(exposureCheck(exposure));

        // providers
        Map<String, Object> providerBlock = new LinkedHashMap<>();
        for (CliName cli : CliName.values()) {
            ProviderStatus s = providers.get(cli);
            ProviderGuidance g = ProviderGuidance.of(cli);
            providerBlock.put(cli.key(), providerJson(s, g));
            checks.add(providerCheck(s, g));
            if (!s.installed()) {
                actions.add(NextActions.Rank.PROVIDER_MISSING, g.install().commands().isEmpty()
                        ? cli.key() + ": " + g.install().summary()
                        : g.install().summary() + " (" + cli.key() + ": " + g.install().commands().getFirst() + ")");
            } else if (s.error() != null) {
                actions.add(NextActions.Rank.PROVIDER_BLOCKED, cli.key() + ": " + s.error() + "; run " + s.command()
                        + " --version in a terminal to see what it waits for.");
            } else if (s.loginStatus() == LoginStatus.NOT_AUTHENTICATED) {
                actions.add(NextActions.Rank.PROVIDER_BLOCKED, cli.key() + ": " + g.login().summary() + " ("
                        + String.join(" or ", g.login().commands()) + ")");
            } else if (s.loginStatus() == LoginStatus.UNKNOWN) {
                // gemini has no login-status command: an unknown login is the likeliest reason a request fails
                actions.add(NextActions.Rank.PROVIDER_BLOCKED, cli.key() + ": login state unknown; if requests "
                        + "fail, " + lowerFirst(g.login().summary()) + " (" + String.join(" or ", g.login().commands())
                        + ")");
            }
        }
        report.put("providers", providerBlock);
        report.put("endpoint_exposure", exposure);
        report.put("persistence", persistence.json());

        // client configuration
        Map<String, Object> clientConfig = ClientConfigProbe.probe(env);
        report.put("client_config", clientConfig);
        checks.add(clientCheck(clientConfig));
        @SuppressWarnings("unchecked")
        Map<String, Object> vibe = (Map<String, Object>) clientConfig.get("vibe_session_logging");
        if (providers.get(CliName.MISTRAL).installed() && !Boolean.TRUE.equals(vibe.get("session_logging_enabled"))) {
            actions.add(NextActions.Rank.TUNING, "mistral: " + vibe.get("note"));
            checks.add(DoctorCheck.warn("mistral session logging", String.valueOf(vibe.get("note"))));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> claudeCode = (Map<String, Object>) clientConfig.get("claude_code");
        if (providers.get(CliName.CLAUDE).installed() && !Boolean.TRUE.equals(claudeCode.get("gateway_registered"))) {
            // the usual client: without a registration Claude Code never starts the gateway
            String register = "claude mcp add llm-cli-gateway -- " + StdioLaunch.detect(env).command() + " "
                    + StdioLaunch.ALIAS;
            actions.add(NextActions.Rank.EXPOSURE, "claude code: the gateway is not registered with Claude Code (no "
                    + "entry in ~/.claude.json or ./.mcp.json runs it); register it: " + register);
            checks.add(DoctorCheck.warn("Claude Code client", "llm-cli-gateway is not registered (" + register + ")"));
        } else if (Boolean.TRUE.equals(claudeCode.get("gateway_registered"))) {
            checks.add(DoctorCheck.ok("Claude Code client", "llm-cli-gateway is registered with Claude Code"));
        }
        if (providers.get(CliName.GEMINI).installed()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> gemini = (Map<String, Object>) clientConfig.get("gemini_config");
            @SuppressWarnings("unchecked")
            List<String> geminiActions = (List<String>) gemini.get("next_actions");
            geminiActions.forEach(a -> actions.add(NextActions.Rank.TUNING, "gemini: " + a));
        }

        if (actions.isEmpty()) {
            actions.add(NextActions.Rank.TUNING, DEFAULT_ACTION);
        }
        List<String> ordered = actions.ordered();
        boolean ok = !authBlocks && persistence.valid();
        report.put("ok", ok);
        report.put("next_actions", ordered);
        return new DoctorReport(report, ok, checks, ordered);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private String configLocation() {
        String location = PersistenceConfigLoader.configFileLocation(env);
        return location.isEmpty() ? "the file named by LLM_GATEWAY_CONFIG" : location;
    }

    private Map<String, Object> system() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("os", platform(System.getProperty("os.name", "")));
        m.put("arch", arch(System.getProperty("os.arch", "")));
        m.put("release", System.getProperty("os.version", ""));
        m.put("java_version", Runtime.version().toString());
        m.put("java_vendor", System.getProperty("java.vendor", ""));
        return m;
    }

    /** Node's process.platform names, so existing consumers of the report keep working. */
    static String platform(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return "linux";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("windows")) {
            return "win32";
        }
        if (os.contains("freebsd")) {
            return "freebsd";
        }
        return os.isEmpty() ? "unknown" : os.replace(' ', '_');
    }

    /** Node's process.arch names (x64, arm64, ...). */
    static String arch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "ia32";
            default -> osArch;
        };
    }

    private static Map<String, Object> providerJson(ProviderStatus s, ProviderGuidance g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cli_available", s.installed());
        m.put("version", s.version());
        m.put("login_status", s.loginStatus().key());
        m.put("version_command", s.versionCommand());
        m.put("login_check", s.loginCheck().toJson());
        m.put("install_guidance", g.installJson());
        m.put("login_guidance", g.loginJson());
        m.put("display_name", g.displayName());
        m.put("command", s.command());
        m.put("error", s.error());
        return m;
    }

    private static DoctorCheck providerCheck(ProviderStatus s, ProviderGuidance g) {
        String subject = s.cli().key() + " (" + g.displayName() + ")";
        if (!s.installed()) {
            return DoctorCheck.warn(subject, "not installed" + (s.error() == null ? "" : " — " + s.error()));
        }
        if (s.error() != null) {
            return DoctorCheck.warn(subject, s.error());
        }
        String version = s.version() == null ? "installed" : s.version();
        return switch (s.loginStatus()) {
            case AUTHENTICATED -> DoctorCheck.ok(subject, version + "; logged in");
            case NOT_AUTHENTICATED -> DoctorCheck.warn(subject, version + "; NOT logged in — "
                    + String.join(" or ", g.login().commands()));
            default -> DoctorCheck.warn(subject, version + "; login state unknown (" + s.loginCheck().detail() + ")");
        };
    }

    private static DoctorCheck exposureCheck(Map<String, Object> e) {
        String mode = (String) e.get("mode");
        String local = (String) e.get("local_url");
        String reach = (String) e.get("reachable_from_web");
        return switch (mode) {
            case "local_only" -> Boolean.TRUE.equals(e.get("public_url_configured"))
                    ? DoctorCheck.warn("endpoint", "LLM_GATEWAY_PUBLIC_URL points at this machine; web clients "
                    + "cannot reach " + e.get("public_url"))
                    : DoctorCheck.ok("endpoint", "local only (" + local + ")");
            case "lan" -> DoctorCheck.warn("endpoint", "reachable from the local network (" + local
                    + "); keep a token set and do not expose it further");
            case "misconfigured" -> DoctorCheck.warn("endpoint", "public URL " + e.get("public_url")
                    + " is not a usable HTTPS URL");
            default -> "unreachable".equals(reach)
                    ? DoctorCheck.warn("endpoint", mode + " at " + e.get("public_url") + " is NOT reachable")
                    : DoctorCheck.ok("endpoint", mode + " at " + e.get("public_url")
                    + ("reachable".equals(reach) ? " (reachable)" : " (reachability not checked)"));
        };
    }

    private static DoctorCheck clientCheck(Map<String, Object> c) {
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        (Boolean.TRUE.equals(c.get("claude_desktop_config_present")) ? found : missing).add("Claude Desktop");
        (Boolean.TRUE.equals(c.get("codex_config_present")) ? found : missing).add("Codex");
        (Boolean.TRUE.equals(c.get("gemini_settings_present")) ? found : missing).add("Gemini CLI");
        String text = (found.isEmpty() ? "" : "config found for " + String.join(", ", found))
                + (missing.isEmpty() ? "" : (found.isEmpty() ? "" : "; ") + "no config for " + String.join(", ", missing))
                + " (gateway print-client-config prints the snippet each needs)";
        return found.isEmpty() ? DoctorCheck.warn("clients", text) : DoctorCheck.ok("clients", text);
    }
}
