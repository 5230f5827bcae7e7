package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modes a real gateway gives its data directories on a plain stdio run. */
class DataDirectoryModeE2ETest {

    @TempDir
    Path home;

    @Test
    void aPlainRunCreatesTheDataDirectory0700AndTightensOneAnOlderVersionLeft0755() throws Exception {
        Path data = home.resolve(".llm-cli-gateway");
        try (GatewayClient gw = GatewayProcess.builder(home).connect()) {
            assertThat(gw.toolNames()).contains("llm_process_health");
        }
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("logs.db"))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (GatewayClient gw = GatewayProcess.builder(home).connect()) {
            gw.awaitStderr("Restricted " + data.toRealPath() + " to rwx------ (was rwxr-xr-x)", Duration.ofSeconds(30));
        }
        assertThat(mode(data)).isEqualTo("rwx------");
    }

    @Test
    void aPerProjectStoreGetsNewDirectories0700AndAnExistingChosenDirectoryKeepsItsMode()
            throws Exception {
        Path repo = Files.createDirectories(home.resolve("repo"));
        Files.setPosixFilePermissions(repo, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = repo.resolve("gateway.toml");
        Path db = repo.resolve(".gateway/state/logs.db");
        Files.writeString(config, "[persistence]\nbackend = \"sqlite\"\npath = \"" + db + "\"\n");
        try (GatewayClient gw = GatewayProcess.builder(home).env("LLM_GATEWAY_CONFIG", config.toString()).connect()) {
            assertThat(gw.toolNames()).isNotEmpty();
        }
        for (Path created : List.of(repo.resolve(".gateway"), repo.resolve(".gateway/state"))) {
            assertThat(mode(created)).as(created.toString()).isEqualTo("rwx------");
        }
        assertThat(mode(repo)).isEqualTo("rwxr-xr-x");
        assertThat(home.resolve(".llm-cli-gateway")).doesNotExist();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
