package com.verivus.gateway.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VibeSessionLoggingTest {

    @TempDir
    Path home;

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "[session_logging]\\nenabled = true | true",
            "[session_logging]\\nenabled = TRUE  # on | true",
            "[session_logging]\\nenabled = false | false",
            "[session_logging]\\n# enabled = true | false",
            "session_logging.enabled = true | true",
            "session_logging.enabled = \"true\" | false",
            "[other]\\nenabled = true | false",
            "[other]\\nsession_logging.enabled = true | false",
            "model = \"x\"\\n[session_logging]\\nkeep = 3\\nenabled=true\\n[next]\\nenabled=false | true",
            " | false"})
    void readsTheFlag(String toml, boolean expected) {
        assertThat(VibeSessionLogging.enabled(toml == null ? "" : toml.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @Test
    void reportsAMissingFileAsNotEnabledWithTheCommandToFixIt() {
        VibeSessionLogging v = VibeSessionLogging.probe(new GatewayEnvironment(Map.of(), home, home));
        assertThat(v.configPresent()).isFalse();
        assertThat(v.enabled()).isFalse();
        assertThat(v.configPath()).isEqualTo(home.resolve(".vibe/config.toml"));
        assertThat(v.note()).contains(VibeSessionLogging.ENABLE_COMMAND);
        assertThat(Files.exists(home.resolve(".vibe"))).isFalse();
    }

    @Test
    void reportsAnEnabledFile() throws Exception {
        Files.createDirectories(home.resolve(".vibe"));
        Files.writeString(home.resolve(".vibe/config.toml"), "[session_logging]\nenabled = true\n");
        VibeSessionLogging v = VibeSessionLogging.probe(new GatewayEnvironment(Map.of(), home, home));
        assertThat(v.configPresent()).isTrue();
        assertThat(v.enabled()).isTrue();
        assertThat(v.toJson()).containsEntry("session_logging_enabled", true)
                .containsEntry("config_path", home.resolve(".vibe/config.toml").toString());
    }
}
