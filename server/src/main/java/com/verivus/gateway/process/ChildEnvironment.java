package com.verivus.gateway.process;

import com.verivus.gateway.config.ChildEnvironmentConfig;
import com.verivus.gateway.config.ChildEnvironmentConfig.Mode;
import com.verivus.gateway.config.ChildEnvironmentConfigLoader;
import com.verivus.gateway.config.GatewayEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a spawned CLI starts from, before the invocation's own variables are laid over it. In
 * inherit mode (the default) that is the gateway's environment without the gateway's secrets; in allow-list
 * mode only what a CLI needs to run and to log in to its provider, plus the names the user listed. The
 * gateway's secrets are stripped in both modes.
 */
public final class ChildEnvironment {

    /** What any CLI needs to find programs, its home and config, a locale, a terminal type, temp space, a proxy. */
    static final Set<String> BASELINE = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TERM",
            "COLORTERM", "NO_COLOR", "TMPDIR", "TMP", "TEMP", "TZ", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
            "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
            "ALL_PROXY", "http_proxy", "https_proxy", "no_proxy", "all_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR",
            "NODE_EXTRA_CA_CERTS");

    /** The providers' own settings and logins: ANTHROPIC_API_KEY, OPENAI_API_KEY, GEMINI_API_KEY, GOOGLE_*, ... */
    static final List<String> PROVIDER_PREFIXES = List.of("ANTHROPIC_", "CLAUDE_", "OPENAI_", "CODEX_", "GEMINI_",
            "GOOGLE_", "XAI_", "GROK_", "MISTRAL_", "VIBE_", "LC_");

    private final ChildEnvironmentConfig config;

    public ChildEnvironment(ChildEnvironmentConfig config) {
        this.config = config;
    }

    /** The policy configured for {@code env}; @throws com.verivus.gateway.config.ChildEnvironmentConfigException */
    public static ChildEnvironment configured(GatewayEnvironment env) {
        return new ChildEnvironment(ChildEnvironmentConfigLoader.load(env));
    }

    public ChildEnvironmentConfig config() {
        return config;
    }

    /** The variables of {@code gateway} a child inherits. */
    public Map<String, String> inherited(Map<String, String> gateway) {
        Map<String, String> child = new TreeMap<>();
        gateway.forEach((name, value) -> {
            if (passes(name, value, gateway)) {
                child.put(name, value);
            }
        });
        return child;
    }

    private boolean passes(String name, String value, Map<String, String> gateway) {
        if (name.equals(GatewaySecrets.AUTH_TOKEN)) {
            return false; // not even when listed: the token opens the gateway itself
        }
        if (config.allow().contains(name)) {
            return true;
        }
        if (GatewaySecrets.isSecret(name, value, gateway)) {
            return false;
        }
        return config.mode() == Mode.INHERIT || BASELINE.contains(name)
                || PROVIDER_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
