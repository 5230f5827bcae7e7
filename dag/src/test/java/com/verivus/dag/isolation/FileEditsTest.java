package com.verivus.dag.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text edits behind U01–U03, without a repository around them. */
class FileEditsTest {

    private static final String DB = "/srv/repos/my \"odd\" repo/.gateway/logs.db";

    @Test
    void gitignoreRulesFollowGitSemantics() {
        GitignoreRules rules = new GitignoreRules(List.of("# comment", "*.log", "/build/", "docs/**/*.tmp",
                ".claude/*", "!.claude/keep.json", "secret?.txt", "\\#hash"));

        assertThat(rules.ignores("app.log", false)).isTrue();
        assertThat(rules.ignores("deep/dir/app.log", false)).isTrue();
        assertThat(rules.ignores("build", true)).isTrue();
        assertThat(rules.ignores("build/out/a.class", false)).isTrue();
        assertThat(rules.ignores("src/build/a", false)).as("/build/ is anchored").isFalse();
        assertThat(rules.ignores("build", false)).as("build/ matches directories only").isFalse();
        assertThat(rules.ignores("docs/a/b/x.tmp", false)).isTrue();
        assertThat(rules.ignores("docs/x.tmp", false)).isTrue();
        assertThat(rules.ignores(".claude/settings.local.json", false)).isTrue();
        assertThat(rules.ignores(".claude/keep.json", false)).isFalse();
        assertThat(rules.ignores("secret1.txt", false)).isTrue();
        assertThat(rules.ignores("#hash", false)).isTrue();
        assertThat(new GitignoreRules(List.of(".gateway/", "!.gateway/")).ignores(".gateway/logs.db", false)).isFalse();
        assertThat(new GitignoreRules(List.of("/.gateway/", "!logs.db")).ignores(".gateway/logs.db", false))
                .as("a file inside an ignored directory cannot be re-included").isTrue();
    }

    @Test
    void freshConfigIsTomlWithAnAbsoluteEscapedPath() throws Exception {
        var toml = new TomlMapper().readTree(PersistenceTomlEdit.fresh(DB));

        assertThat(toml.at("/persistence/backend").asText()).isEqualTo("sqlite");
        assertThat(toml.at("/persistence/path").asText()).isEqualTo(DB);
    }

    @Test
    void mergeIntoAConfigWithoutPersistenceAppendsTheTable() {
        var outcome = (PersistenceTomlEdit.Edited) PersistenceTomlEdit.merge("[approvals]\npolicy = \"strict\"", DB);

        assertThat(outcome.text()).startsWith("[approvals]\npolicy = \"strict\"\n\n[persistence]\nbackend = \"sqlite\"\n");
        assertThat(outcome.changed()).isTrue();
    }

    @Test
    void mergeReplacesAStalePathAndKeepsCrlfAndComments() {
        String existing = "# mine\r\n[persistence]\r\n  path = \"/old/place/logs.db\" # moved\r\nbackend = 'sqlite'\r\n";

        var outcome = (PersistenceTomlEdit.Edited) PersistenceTomlEdit.merge(existing, "/new/.gateway/logs.db");

        assertThat(outcome.text()).isEqualTo(
                "# mine\r\n[persistence]\r\n  path = \"/new/.gateway/logs.db\"\r\nbackend = 'sqlite'\r\n");
        assertThat(outcome.changes()).singleElement().asString().contains("/old/place/logs.db");
    }

    @Test
    void mergeOfAnUpToDateConfigChangesNothing() {
        String existing = PersistenceTomlEdit.fresh(DB);

        var outcome = (PersistenceTomlEdit.Edited) PersistenceTomlEdit.merge(existing, DB);

        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.text()).isSameAs(existing);
    }

    @Test
    void mergeRefusesWhatItCannotEditSafely() {
        assertThat(PersistenceTomlEdit.merge("[persistence]\nbackend = \"postgres\"\n", DB))
                .isInstanceOf(PersistenceTomlEdit.Conflict.class);
        assertThat(PersistenceTomlEdit.merge("persistence = { backend = \"sqlite\" }\n", DB))
                .isInstanceOfSatisfying(PersistenceTomlEdit.Conflict.class,
                        c -> assertThat(c.observed()).contains("inline table"));
        assertThat(PersistenceTomlEdit.merge("[persistence\nbroken", DB))
                .isInstanceOfSatisfying(PersistenceTomlEdit.Conflict.class,
                        c -> assertThat(c.observed()).startsWith("the file is not valid TOML"));
    }

    @Test
    void approvalAppendsTheRepositoryOnceAndKeepsOtherEntriesAndComments(@TempDir Path home) throws IOException {
        Path file = ProjectApproval.file(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# mine\n/srv/other");
        WorkingTree files = new WorkingTree(false);

        assertThat(ProjectApproval.ensure(files, home, Path.of("/srv/repo"))).isTrue();
        assertThat(ProjectApproval.ensure(files, home, Path.of("/srv/repo"))).isFalse();

        assertThat(Files.readString(file)).isEqualTo("# mine\n/srv/other\n/srv/repo\n");
        assertThat(ProjectApproval.approved("# /srv/repo\n", Path.of("/srv/repo"))).as("a comment approves nothing").isFalse();
    }

    @Test
    void claudeCodeVariablesExpandWithDefaultsAsClaudeCodeDoes() {
        Map<String, String> env = Map.of("HOME", "/home/u", "EMPTY", "");

        assertThat(ClaudeCodeLaunch.expand("${HOME}/clone/jbang", env)).isEqualTo("/home/u/clone/jbang");
        assertThat(ClaudeCodeLaunch.expand("${MISSING:-fallback}-${EMPTY:-d}", env)).isEqualTo("fallback-d");
        assertThat(ClaudeCodeLaunch.expand("no $HOME braces", env)).isEqualTo("no $HOME braces");
    }

    @Test
    void persistenceQuoteIsTheVerbatimSubstring() {
        String body = "{\"success\":true,\"nested\":{\"persistence\":1},\n \"persistence\" : {\n   \"path\": \"/x\",\n"
                + "   \"sources\": {\"configFile\": null}\n },\"after\":[1]}";

        assertThat(PersistenceQuote.of(body)).contains("{\n   \"path\": \"/x\",\n   \"sources\": {\"configFile\": null}\n }");
        assertThat(PersistenceQuote.of("{\"persistence\": 3}")).isEmpty();
        assertThat(PersistenceQuote.of("not json")).isEmpty();
    }
}
