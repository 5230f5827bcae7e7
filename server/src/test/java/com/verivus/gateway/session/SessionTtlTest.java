package com.verivus.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionTtlTest {

    @ParameterizedTest(name = "SESSION_TTL=\"{0}\" → {1} s")
    @CsvSource(delimiter = '|', nullValues = "UNSET", value = {
            "UNSET|2592000", "''|2592000", "60|60", "3600s|3600", "abc|2592000", "0|2592000", "-10|2592000",
            "  90|90"})
    void sessionTtlIsReadAsSecondsWithTheThirtyDayDefault(String value, long seconds) {
        Map<String, String> vars = new HashMap<>();
        if (value != null) {
            vars.put("SESSION_TTL", value);
        }
        GatewayEnvironment env = new GatewayEnvironment(vars, Path.of("/tmp"), Path.of("/tmp"));
        assertThat(SessionTtl.from(env)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
