package com.verivus.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.GatewayEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSettingsTest {

    @TempDir
    Path cwd;

    GatewayEnvironment env(Map<String, String> vars) {
        return new GatewayEnvironment(vars, cwd.resolve("home"), cwd);
    }

    @Test
    void defaultsComeFromTheClasspathApplicationYaml() {
        HttpSettings s = HttpSettings.load(env(Map.of()));
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(3333);
        assertThat(s.path()).isEqualTo("/mcp");
        assertThat(s.maxBodyBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(s.authToken()).isEmpty();
        assertThat(s.authDisabled()).isFalse();
        assertThat(s.publicUrl()).isEmpty();
        assertThat(s.allowedHosts()).isEmpty();
    }

    @Test
    void workingDirectoryYamlOverridesTheClasspathDefaults() throws Exception {
        Files.writeString(cwd.resolve("application.yaml"), """
                http:
                  host: 0.0.0.0
                  port: 4444
                  path: gateway
                  auth-token: from-yaml
                  public-url: https://mcp.example.com/mcp
                  allowed-hosts:
                    - lan.example:8443
                    - a.example, b.example
                  max-body-bytes: 1024
                """);
        HttpSettings s = HttpSettings.load(env(Map.of()));
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.port()).isEqualTo(4444);
        assertThat(s.path()).isEqualTo("/gateway");
        assertThat(s.authToken()).hasValue("from-yaml");
        assertThat(s.publicUrl()).hasValue("https://mcp.example.com/mcp");
        assertThat(s.allowedHosts()).containsExactly("lan.example:8443", "a.example", "b.example");
        assertThat(s.maxBodyBytes()).isEqualTo(1024);
    }

    @Test
    void environmentWinsOverYaml() throws Exception {
        Files.writeString(cwd.resolve("application.yaml"), """
                http:
                  port: 4444
                  auth-disabled: true
                  auth-token: from-yaml
                  allowed-hosts: yaml.example
                """);
        HttpSettings s = HttpSettings.load(env(Map.of(
                "LLM_GATEWAY_HTTP_HOST", "::1",
                "LLM_GATEWAY_HTTP_PORT", "0",
                "LLM_GATEWAY_HTTP_PATH", "/other",
                "LLM_GATEWAY_AUTH_TOKEN", "from-env",
                "LLM_GATEWAY_AUTH_DISABLED", "0",
                "LLM_GATEWAY_PUBLIC_URL", "https://pub.example",
                "LLM_GATEWAY_ALLOWED_HOSTS", " one.example , two.example:9000 ,",
                "LLM_GATEWAY_HTTP_MAX_BODY_BYTES", "2048")));
        assertThat(s.host()).isEqualTo("::1");
        assertThat(s.port()).isZero();
        assertThat(s.path()).isEqualTo("/other");
        assertThat(s.authToken()).hasValue("from-env");
        assertThat(s.authDisabled()).isFalse(); // only "1" disables, and the env decides
        assertThat(s.publicUrl()).hasValue("https://pub.example");
        assertThat(s.allowedHosts()).containsExactly("one.example", "two.example:9000");
        assertThat(s.maxBodyBytes()).isEqualTo(2048);
    }

    @Test
    void authIsDisabledOnlyByTheValueOne() {
        assertThat(HttpSettings.load(env(Map.of("LLM_GATEWAY_AUTH_DISABLED", "1"))).authDisabled()).isTrue();
        assertThat(HttpSettings.load(env(Map.of("LLM_GATEWAY_AUTH_DISABLED", "true"))).authDisabled()).isFalse();
    }

    @Test
    void anEmptyTokenCountsAsNotConfigured() {
        assertThat(HttpSettings.load(env(Map.of("LLM_GATEWAY_AUTH_TOKEN", ""))).authToken()).isEmpty();
    }

    @Test
    void badNumbersAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> HttpSettings.load(env(Map.of("LLM_GATEWAY_HTTP_PORT", "70000"))))
                .hasMessage("LLM_GATEWAY_HTTP_PORT must be a port number 0-65535, got '70000'");
        assertThatThrownBy(() -> HttpSettings.load(env(Map.of("LLM_GATEWAY_HTTP_MAX_BODY_BYTES", "-5"))))
                .hasMessage("LLM_GATEWAY_HTTP_MAX_BODY_BYTES must be a positive number of bytes, got '-5'");
    }

    @Test
    void toStringNeverShowsTheToken() {
        HttpSettings s = HttpSettings.defaults().withAuth(Optional.of("super-secret"), false);
        assertThat(s.toString()).doesNotContain("super-secret").contains("<redacted>");
        assertThat(s.withAllowedHosts(Optional.empty(), List.of("x")).allowedHosts()).containsExactly("x");
    }
}
