package com.verivus.dag.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    void settingsMergeKeepsEverythingElseAndIsIdempotent() {
        String existing = "{\"a\":1,\"mcpServers\":{\"x\":{\"command\":\"y\"},\"llm-gateway\":{\"env\":{\"K\":\"V\"}}}}";

        var merged = (LocalSettingsMerge.Merged) LocalSettingsMerge.merge(existing, "llm-gateway", "/r/.gateway/config.toml");

        assertThat(merged.changed()).isTrue();
        assertThat(merged.text()).isEqualTo("""
                {
                  "a": 1,
                  "mcpServers": {
                    "x": {
                      "command": "y"
                    },
                    "llm-gateway": {
                      "env": {
                        "K": "V",
                        "LLM_GATEWAY_CONFIG": "/r/.gateway/config.toml"
                      }
                    }
                  }
                }
                """);
        var again = (LocalSettingsMerge.Merged) LocalSettingsMerge.merge(merged.text(), "llm-gateway", "/r/.gateway/config.toml");
        assertThat(again.changed()).isFalse();
        assertThat(again.text()).isEqualTo(merged.text());
    }

    @Test
    void settingsThatAreNotMergeableAreAConflict() {
        assertThat(LocalSettingsMerge.merge("[1, 2]", "s", "/c")).isInstanceOf(LocalSettingsMerge.Conflict.class);
        assertThat(LocalSettingsMerge.merge("{\"mcpServers\": []}", "s", "/c"))
                .isInstanceOfSatisfying(LocalSettingsMerge.Conflict.class,
                        c -> assertThat(c.observed()).isEqualTo("`mcpServers` is a JSON array, not an object"));
        assertThat(LocalSettingsMerge.merge("{\"mcpServers\": {\"s\": {\"env\": \"x\"}}}", "s", "/c"))
                .isInstanceOf(LocalSettingsMerge.Conflict.class);
        assertThat(LocalSettingsMerge.merge("{not json", "s", "/c")).isInstanceOf(LocalSettingsMerge.Conflict.class);
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
