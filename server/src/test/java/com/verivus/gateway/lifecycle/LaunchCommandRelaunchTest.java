package com.verivus.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@code gateway start} relaunches: this JVM's options (so the background gateway is as light), HTTP's cache. */
class LaunchCommandRelaunchTest {

    private static final List<String> UNDER_JBANG = List.of("-XX:AOTCache=/c/gateway-x-1.aot",
            "-Dllm.gateway.aot.cache=/c/gateway-x-1.aot", "-Dorg.sqlite.lib.path=/c/gateway-x-1.aot.sqlite",
            "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms16m",
            "-agentlib:jdwp=transport=dt_socket,address=5005", "-XX:AOTCacheOutput=/t.aot");

    @Test
    void theJvmOptionsCarryOverAndHttpModesCacheReplacesStdiosWhenItExists() {
        List<String> cmd = LaunchCommand.relaunch("/jdk/bin/java", UNDER_JBANG, "/jar", "Main",
                Set.of(Path.of("/c/gateway-x-1-http.aot"))::contains);
        assertThat(cmd).containsExactly("/jdk/bin/java", "-XX:AOTCache=/c/gateway-x-1-http.aot",
                "-Dllm.gateway.aot.cache=/c/gateway-x-1-http.aot", "-Dorg.sqlite.lib.path=/c/gateway-x-1.aot.sqlite",
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms16m",
                "-cp", "/jar", "Main", "--transport=http");
    }

    @Test
    void withoutHttpModesCacheStdiosStaysAndWithoutOptionsNativeAccessIsStillGiven() {
        List<String> cmd = LaunchCommand.relaunch("/jdk/bin/java", UNDER_JBANG, "/jar", "Main", p -> false);
        assertThat(cmd).contains("-XX:AOTCache=/c/gateway-x-1.aot", "-Dllm.gateway.aot.cache=/c/gateway-x-1.aot")
                .doesNotContain("-agentlib:jdwp=transport=dt_socket,address=5005", "-XX:AOTCacheOutput=/t.aot");
        assertThat(LaunchCommand.relaunch("/jdk/bin/java", List.of(), "/jar", "Main", p -> true))
                .containsExactly("/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-cp", "/jar", "Main",
                        "--transport=http");
    }
}
