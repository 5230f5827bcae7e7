package com.verivus.gateway.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.GatewayEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [workspace] allowedRoots in a real config.toml plus LLM_GATEWAY_ALLOWED_ROOTS, and the policy built on them. */
class AllowedRootsLoaderTest {

    @TempDir
    Path home;

    private GatewayEnvironment env(String config, String envRoots) throws Exception {
        Map<String, String> vars = new HashMap<>();
        if (config != null) {
            Path file = Files.writeString(home.resolve("config.toml"), config);
            vars.put("LLM_GATEWAY_CONFIG", file.toString());
        }
        if (envRoots != null) {
            vars.put(AllowedRoots.ENV, envRoots);
        }
        return new GatewayEnvironment(vars, home, home);
    }

    @Test
    void rootsFromTheConfigTableAndTheEnvironmentAddUpWithHomeExpanded() throws Exception {
        AllowedRoots roots = AllowedRootsLoader.load(env("[persistence]\nbackend = \"memory\"\n"
                + "acknowledgeEphemeral = true\n[workspace]\nallowedRoots = [\"~/src\", \"/srv/repos/\"]\n",
                "/opt/a" + File.pathSeparator + File.pathSeparator + "/srv/repos"));
        assertThat(roots.roots()).containsExactly(home.resolve("src"), Path.of("/srv/repos"), Path.of("/opt/a"));
    }

    @Test
    void noFileAndNoVariableMeansNoRoots() throws Exception {
        assertThat(AllowedRootsLoader.load(env(null, null)).roots()).isEmpty();
    }

    @Test
    void malformedEntriesStopTheGatewayNamingWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> AllowedRootsLoader.load(env("[workspace]\nallowedRoots = \"/srv\"\n", null)))
                .hasMessageContaining("allowedRoots must be an array");
        assertThatThrownBy(() -> AllowedRootsLoader.load(env("[workspace]\nallowedRoots = [\"rel/dir\"]\n", null)))
                .hasMessageContaining("\"rel/dir\"").hasMessageContaining("absolute");
        assertThatThrownBy(() -> AllowedRootsLoader.load(env("[workspace]\nallowedRoot = [\"/srv\"]\n", null)))
                .hasMessageContaining("unknown key(s) allowedRoot");
        assertThatThrownBy(() -> AllowedRootsLoader.load(env(null, "relative")))
                .hasMessageContaining(AllowedRoots.ENV).hasMessageContaining("absolute");
    }

    @Test
    void withoutRootsHttpIsRefusedNamingTheSettingWhileStdioMayUseAnyExistingDirectory() throws Exception {
        WorkingDirectoryPolicy policy = new WorkingDirectoryPolicy(AllowedRootsLoader.load(env(null, null)));
        Path dir = Files.createDirectories(home.resolve("work"));
        assertThat(policy.resolve(dir + "/./", CallOrigin.STDIO, "workingDir")).isEqualTo(dir.toRealPath());
        assertThatThrownBy(() -> policy.resolve(dir.toString(), CallOrigin.HTTP, "workingDir"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("no allowed roots").hasMessageContaining(AllowedRoots.ENV)
                .hasMessageContaining("[workspace] allowedRoots");
    }
}
