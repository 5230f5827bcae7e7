package com.verivus.gateway.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.provider.CliName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderStatusProbeTest {

    @TempDir
    Path tmp;

    private Path home() throws Exception {
        return Files.createDirectories(tmp.resolve("home"));
    }

    private ProviderStatusProbe probe(GatewayEnvironment env) {
        return new ProviderStatusProbe(env, Duration.ofSeconds(2));
    }

    @Test
    void loggedInClisAreInstalledAuthenticatedAndProbedWithEmptyStdin() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).installAllClis();
        GatewayEnvironment env = fakes.env(home(), Map.of("GEMINI_API_KEY", "k"));

        Map<CliName, ProviderStatus> all = probe(env).probeAll(Arrays.asList(CliName.values()));

        assertThat(all).hasSize(5);
        all.values().forEach(s -> {
            assertThat(s.installed()).as(s.cli().key()).isTrue();
            assertThat(s.loginStatus()).as(s.cli().key()).isEqualTo(LoginStatus.AUTHENTICATED);
            assertThat(s.error()).isNull();
        });
        assertThat(all.get(CliName.CLAUDE).version()).isEqualTo("2.1.332 (Claude Code)");
        assertThat(all.get(CliName.MISTRAL).version()).isEqualTo("vibe 1.0.0 (fake)");
        assertThat(all.get(CliName.MISTRAL).command()).isEqualTo("vibe");
        assertThat(all.get(CliName.MISTRAL).versionCommand()).containsExactly("vibe", "--version");
        assertThat(all.get(CliName.CLAUDE).loginCheck().command()).containsExactly("claude", "auth", "status", "--json");
        assertThat(all.get(CliName.CODEX).loginCheck().command()).containsExactly("codex", "login", "status");
        assertThat(all.get(CliName.GROK).loginCheck().command()).containsExactly("grok", "inspect", "--json");
        assertThat(all.get(CliName.MISTRAL).loginCheck().command()).containsExactly("vibe", "auth", "status");
        assertThat(all.get(CliName.GEMINI).loginCheck().method()).isEqualTo("credential_store");
        assertThat(all.get(CliName.GEMINI).loginCheck().detail()).contains("GEMINI_API_KEY").doesNotContain("=k");

        // exactly version + login check per CLI (gemini: version only), each with an empty stdin
        assertThat(fakes.calls()).hasSize(9).allSatisfy(c -> assertThat(c.get("stdin").asText()).isEmpty());
        assertThat(fakes.calls("gemini")).extracting(c -> c.get("argv").toString()).containsExactly("[\"--version\"]");
    }

    @Test
    void loggedOutClisAreReportedNotAuthenticated() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).installAllClis();
        for (String cli : DoctorFakes.CLIS) {
            fakes.mode(cli, "logged-out");
        }
        Map<CliName, ProviderStatus> all = probe(fakes.env(home(), Map.of())).probeAll(List.of(CliName.values()));

        for (CliName cli : List.of(CliName.CLAUDE, CliName.CODEX, CliName.GROK, CliName.MISTRAL)) {
            assertThat(all.get(cli).installed()).isTrue();
            assertThat(all.get(cli).loginStatus()).as(cli.key()).isEqualTo(LoginStatus.NOT_AUTHENTICATED);
            assertThat(all.get(cli).loginCheck().detail()).contains("not logged in");
        }
        // gemini has no status command: without credentials its login is unknown, the store not found
        assertThat(all.get(CliName.GEMINI).loginStatus()).isEqualTo(LoginStatus.UNKNOWN);
        assertThat(all.get(CliName.GEMINI).loginCheck().credentialStore()).isEqualTo("not_found");
        assertThat(all.get(CliName.GROK).loginCheck().credentialStore()).isEqualTo("not_found");
        assertThat(all.get(CliName.CLAUDE).loginCheck().credentialStore()).isEqualTo("not_checked");
    }

    @Test
    void absentClisAreNotInstalledAndNothingRuns() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp);
        Map<CliName, ProviderStatus> all = probe(fakes.env(home(), Map.of())).probeAll(List.of(CliName.values()));

        all.values().forEach(s -> {
            assertThat(s.installed()).isFalse();
            assertThat(s.loginStatus()).isEqualTo(LoginStatus.NOT_CHECKED);
            assertThat(s.loginCheck().method()).isEqualTo("not_checked");
            assertThat(s.error()).isEqualTo(s.command() + " was not found on PATH");
            assertThat(s.version()).isNull();
        });
        assertThat(fakes.calls()).isEmpty();
    }

    @Test
    void aVersionThatExitsNonZeroWithoutOutputIsNotInstalled() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).install("codex").mode("codex", "no-version");
        ProviderStatus s = probe(fakes.env(home(), Map.of())).probe(CliName.CODEX);
        assertThat(s.installed()).isFalse();
        assertThat(s.error()).isEqualTo("codex --version exited 1 without output");
        assertThat(fakes.calls("codex")).hasSize(1); // no login check of a CLI that is not there
    }

    @Test
    void aHungCliCostsOneBoundAndItsProcessTreeIsKilled() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).installAllClis();
        for (String cli : DoctorFakes.CLIS) {
            fakes.mode(cli, "hang-tree");
        }
        GatewayEnvironment env = fakes.env(home(), Map.of());
        long start = System.nanoTime();
        Map<CliName, ProviderStatus> all = new ProviderStatusProbe(env, Duration.ofMillis(1500))
                .probeAll(List.of(CliName.values()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // five hung CLIs probed concurrently: about one bound, not five, and no login check after a hang
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        all.values().forEach(s -> {
            assertThat(s.installed()).isTrue();
            assertThat(s.version()).isNull();
            assertThat(s.error()).contains("--version did not answer within 1.5 s");
            assertThat(s.loginStatus()).isEqualTo(LoginStatus.UNKNOWN);
            assertThat(s.loginCheck().method()).isEqualTo("not_checked");
        });
        assertThat(fakes.calls()).hasSize(5);
        fakes.assertNoLeftoverChildren();
    }

    @Test
    void aHungLoginCheckFallsBackToTheCredentialFile() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).install("grok", "vibe").mode("grok", "hang-login")
                .mode("vibe", "hang-login");
        Path home = home();
        Files.createDirectories(home.resolve(".grok"));
        Files.writeString(home.resolve(".grok/auth.json"), "{\"token\":\"never read\"}");
        ProviderStatusProbe probe = new ProviderStatusProbe(fakes.env(home, Map.of()), Duration.ofSeconds(1));

        ProviderStatus grok = probe.probe(CliName.GROK);
        assertThat(grok.version()).isEqualTo("grok 0.1.0 (fake)");
        assertThat(grok.loginStatus()).isEqualTo(LoginStatus.AUTHENTICATED);
        assertThat(grok.loginCheck().credentialStore()).isEqualTo("present");
        assertThat(grok.loginCheck().detail()).contains("did not answer within 1 s").contains("credential file");

        ProviderStatus vibe = probe.probe(CliName.MISTRAL);
        assertThat(vibe.loginStatus()).isEqualTo(LoginStatus.UNKNOWN);
        assertThat(vibe.loginCheck().credentialStore()).isEqualTo("not_found");
        fakes.assertNoLeftoverChildren();
    }

    @ParameterizedTest(name = "grok/vibe with silent status output, credential file {0} -> {1}")
    @CsvSource({"'', unknown", ".grok/auth.json, authenticated", ".config/grok/auth.json, authenticated"})
    void grokCredentialFilesDecideWhenTheStatusOutputIsSilent(String file, String expected) throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).install("grok").mode("grok", "unknown");
        Path home = home();
        if (!file.isEmpty()) {
            Files.createDirectories(home.resolve(file).getParent());
            Files.writeString(home.resolve(file), "{}");
        }
        ProviderStatus s = probe(fakes.env(home, Map.of())).probe(CliName.GROK);
        assertThat(s.loginStatus().key()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "vibe credential file {0}")
    @CsvSource({".vibe/credentials.json", ".vibe/auth.json", ".config/vibe/credentials.json"})
    void vibeCredentialFilesCount(String file) throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).install("vibe").mode("vibe", "unknown");
        Path home = home();
        Files.createDirectories(home.resolve(file).getParent());
        Files.writeString(home.resolve(file), "{}");
        ProviderStatus s = probe(fakes.env(home, Map.of())).probe(CliName.MISTRAL);
        assertThat(s.loginStatus()).isEqualTo(LoginStatus.AUTHENTICATED);
        assertThat(s.loginCheck().credentialStore()).isEqualTo("present");
    }

    @ParameterizedTest(name = "gemini: file={0} GEMINI_API_KEY={1} GOOGLE_API_KEY={2} PROJECT={3} VERTEX={4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            "-, -, -, -, -, unknown",
            ".gemini/oauth_creds.json, -, -, -, -, authenticated",
            ".gemini/google_accounts.json, -, -, -, -, authenticated",
            ".config/gemini/oauth_creds.json, -, -, -, -, authenticated",
            "-, key, -, -, -, authenticated",
            "-, '', -, -, -, unknown",
            "-, -, key, -, -, authenticated",
            "-, -, -, my-project, true, authenticated",
            "-, -, -, my-project, 1, unknown",
            "-, -, -, my-project, TRUE, unknown",
            "-, -, -, '', true, unknown",
            "-, -, -, -, true, unknown"})
    void geminiLoginIsDetectedFromTheCredentialStoreAndEnvironment(String file, String geminiKey, String googleKey,
                                                                  String project, String vertex, String expected)
            throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).install("gemini");
        Path home = home();
        if (file != null) {
            Files.createDirectories(home.resolve(file).getParent());
            Files.writeString(home.resolve(file), "{}");
        }
        Map<String, String> vars = new java.util.HashMap<>();
        if (geminiKey != null) {
            vars.put("GEMINI_API_KEY", geminiKey);
        }
        if (googleKey != null) {
            vars.put("GOOGLE_API_KEY", googleKey);
        }
        if (project != null) {
            vars.put("GOOGLE_CLOUD_PROJECT", project);
        }
        if (vertex != null) {
            vars.put("GOOGLE_GENAI_USE_VERTEXAI", vertex);
        }
        ProviderStatus s = probe(fakes.env(home, vars)).probe(CliName.GEMINI);
        assertThat(s.loginStatus().key()).isEqualTo(expected);
        assertThat(s.loginCheck().credentialStore()).isEqualTo(expected.equals("authenticated") ? "present" : "not_found");
        assertThat(s.loginCheck().detail()).doesNotContain("key\"").doesNotContain("=key");
    }

    @Test
    void versionOutputIsSanitised() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).install("claude").mode("claude", "leaky");
        ProviderStatus s = probe(fakes.env(home(), Map.of())).probe(CliName.CLAUDE);
        assertThat(s.version()).startsWith("2.1.332 (Claude Code)")
                .contains("<redacted-email>", "<redacted-id>", "token=<redacted>")
                .doesNotContain("alice@example.com", "123e4567", "s3cr3t");
        assertThat(s.versionStdout()).doesNotContain("alice@example.com", "s3cr3t");
    }
}
