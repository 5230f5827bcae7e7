package com.verivus.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's .gateway/config.toml is found from the working directory and used only once approved. */
class ProjectConfigDiscoveryTest {

    @TempDir
    Path temp;

    Path home;
    Path repo;
    final Map<String, String> vars = new HashMap<>();
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        repo = Files.createDirectories(temp.resolve("repo")).toRealPath();
        Files.createDirectories(repo.resolve(".gateway"));
        Files.writeString(repo.resolve(".gateway/config.toml"),
                "[persistence]\nbackend = \"sqlite\"\npath = \"" + repo.resolve(".gateway/logs.db") + "\"\n");
    }

    private PersistenceConfig loadIn(Path cwd) {
        return PersistenceConfigLoader.load(new GatewayEnvironment(vars, home, cwd), warnings::add);
    }

    private void approve(String... lines) throws IOException {
        Path file = home.resolve(".llm-cli-gateway/" + ApprovedProjects.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    @Test
    void an_unapproved_project_config_is_ignored_with_a_warning_that_says_how_to_approve_it() {
        PersistenceConfig c = loadIn(repo);

        assertThat(c.path()).isEqualTo(home.resolve(".llm-cli-gateway/logs.db").toString());
        assertThat(c.sources().configFile()).isNull();
        assertThat(c.sources().selectedBy()).isEqualTo("default");
        assertThat(c.sources().unapprovedProjectConfig()).isEqualTo(repo.resolve(".gateway/config.toml").toString());
        assertThat(warnings).singleElement().asString().contains("not approved").contains("isolate@verivus --repo " + repo);
    }

    @Test
    void an_approved_project_config_is_used_from_the_repository_and_from_its_subdirectories() throws IOException {
        approve("# approved by isolate", repo.toString());
        Path sub = Files.createDirectories(repo.resolve("src/main"));

        for (Path cwd : List.of(repo, sub)) {
            PersistenceConfig c = loadIn(cwd);
            assertThat(c.sources().configFile()).as(cwd.toString()).isEqualTo(repo.resolve(".gateway/config.toml").toString());
            assertThat(c.sources().selectedBy()).isEqualTo("approved project");
            assertThat(c.sources().unapprovedProjectConfig()).isNull();
            assertThat(c.path()).isEqualTo(repo.resolve(".gateway/logs.db").toString());
            assertThat(c.dataDirectory(new GatewayEnvironment(vars, home, cwd))).isEqualTo(repo.resolve(".gateway"));
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void approval_is_by_real_path_so_a_symlink_to_the_approved_repository_counts() throws IOException {
        approve(repo.toString());
        Path link = Files.createSymbolicLink(temp.resolve("link"), repo);

        assertThat(loadIn(link).sources().selectedBy()).isEqualTo("approved project");
    }

    @Test
    void approving_another_directory_does_not_approve_this_one() throws IOException {
        approve(temp.resolve("elsewhere").toString(), "relative/paths/are/ignored", repo.getParent().toString());

        assertThat(loadIn(repo).sources().selectedBy()).isEqualTo("default");
    }

    @Test
    void llm_gateway_config_wins_over_an_approved_project_config() throws IOException {
        approve(repo.toString());
        Path explicit = Files.writeString(temp.resolve("explicit.toml"), "[persistence]\nbackend = \"none\"\n");
        vars.put("LLM_GATEWAY_CONFIG", explicit.toString());

        PersistenceConfig c = loadIn(repo);

        assertThat(c.sources().configFile()).isEqualTo(explicit.toString());
        assertThat(c.sources().selectedBy()).isEqualTo("LLM_GATEWAY_CONFIG");
        assertThat(c.backend()).isEqualTo(PersistenceConfig.Backend.NONE);
    }

    @Test
    void legacy_variables_still_override_an_approved_project_config() throws IOException {
        approve(repo.toString());
        vars.put("LLM_GATEWAY_JOBS_DB", temp.resolve("legacy.db").toString());

        PersistenceConfig c = loadIn(repo);

        assertThat(c.sources().configFile()).isEqualTo(repo.resolve(".gateway/config.toml").toString());
        assertThat(c.sources().envOverrides()).containsExactly("LLM_GATEWAY_JOBS_DB");
        assertThat(c.path()).isEqualTo(temp.resolve("legacy.db").toString());
    }

    @Test
    void outside_any_project_the_per_user_default_is_used_and_nothing_is_reported() {
        PersistenceConfig c = loadIn(home);

        assertThat(c.sources().selectedBy()).isEqualTo("default");
        assertThat(c.sources().unapprovedProjectConfig()).isNull();
        assertThat(warnings).isEmpty();
    }
}
