package com.verivus.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.ChildEnvironmentConfigException;
import com.verivus.gateway.config.GatewayEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of the gateway's variables a child inherits, with the settings read from a real config file. */
class ChildEnvironmentTest {

    @TempDir
    Path home;

    private GatewayEnvironment env(Map<String, String> vars) {
        Map<String, String> all = new HashMap<>(vars);
        all.put("HOME", home.toString());
        all.put("PATH", "/usr/bin");
        return new GatewayEnvironment(all, home, home);
    }

    private Path config(String toml) throws Exception {
        Path file = home.resolve("gateway.toml");
        Files.writeString(file, toml);
        return file;
    }

    @Test
    void inherit_mode_drops_credential_named_gateway_variables_and_urls_with_passwords_only() {
        GatewayEnvironment e = env(Map.of(
                "LLM_GATEWAY_PG_DSN", "host=db user=gw",
                "LLM_GATEWAY_REDIS_SECRET", "s",
                "LLM_GATEWAY_SESSIONS_URL", "postgres://gw:pw@db/x",
                "LLM_GATEWAY_PUBLIC_URL", "https://gw.example",
                "LLM_GATEWAY_HTTP_PORT", "3333",
                "HTTPS_PROXY", "http://me:pw@proxy:8080"));
        Map<String, String> child = ChildEnvironment.configured(e).inherited(e.variables());
        assertThat(child).doesNotContainKeys("LLM_GATEWAY_PG_DSN", "LLM_GATEWAY_REDIS_SECRET", "LLM_GATEWAY_SESSIONS_URL")
                .containsEntry("LLM_GATEWAY_PUBLIC_URL", "https://gw.example")
                .containsEntry("LLM_GATEWAY_HTTP_PORT", "3333")
                // a proxy with credentials is the CLI's own business: it needs it to reach its provider
                .containsEntry("HTTPS_PROXY", "http://me:pw@proxy:8080");
    }

    @Test
    void allow_re_admits_a_stripped_variable_but_never_the_auth_token() throws Exception {
        Path file = config("[childEnvironment]\nallow = [\"DATABASE_URL\", \"LLM_GATEWAY_AUTH_TOKEN\"]\n");
        GatewayEnvironment e = env(Map.of("LLM_GATEWAY_CONFIG", file.toString(),
                "DATABASE_URL", "postgresql://app:pw@localhost/app", "LLM_GATEWAY_AUTH_TOKEN", "t0k3n"));
        Map<String, String> child = ChildEnvironment.configured(e).inherited(e.variables());
        assertThat(child).containsEntry("DATABASE_URL", "postgresql://app:pw@localhost/app")
                .doesNotContainKey("LLM_GATEWAY_AUTH_TOKEN");
    }

    @Test
    void the_environment_wins_over_the_file_for_each_key() throws Exception {
        Path file = config("[childEnvironment]\nmode = \"inherit\"\nallow = [\"FROM_FILE\"]\n");
        GatewayEnvironment e = env(Map.of("LLM_GATEWAY_CONFIG", file.toString(), "LLM_GATEWAY_CHILD_ENV", "allowlist",
                "LLM_GATEWAY_CHILD_ENV_ALLOW", "FROM_ENV", "FROM_FILE", "1", "FROM_ENV", "2", "OTHER", "3"));
        ChildEnvironment policy = ChildEnvironment.configured(e);
        assertThat(policy.config().source()).isEqualTo("LLM_GATEWAY_CHILD_ENV");
        assertThat(policy.inherited(e.variables())).containsOnlyKeys("FROM_ENV", "HOME", "PATH");
    }

    @Test
    void bad_settings_are_refused_with_the_key_and_value_named() throws Exception {
        Path unknownKey = config("[childEnvironment]\nmodes = \"allowlist\"\n");
        assertThatThrownBy(() -> ChildEnvironment.configured(env(Map.of("LLM_GATEWAY_CONFIG", unknownKey.toString()))))
                .isInstanceOf(ChildEnvironmentConfigException.class)
                .hasMessage("Invalid [childEnvironment] config: unknown key 'modes' (expected mode, allow)");
        Path badName = config("[childEnvironment]\nallow = [\"NOT A NAME\"]\n");
        assertThatThrownBy(() -> ChildEnvironment.configured(env(Map.of("LLM_GATEWAY_CONFIG", badName.toString()))))
                .hasMessage("Invalid [childEnvironment] config: [childEnvironment].allow contains 'NOT A NAME', "
                        + "which is not an environment variable name");
        assertThatThrownBy(() -> ChildEnvironment.configured(env(Map.of("LLM_GATEWAY_CHILD_ENV_ALLOW", "A,-B"))))
                .hasMessageContaining("LLM_GATEWAY_CHILD_ENV_ALLOW contains '-B'");
    }
}
