package com.verivus.gateway.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model registry against real config files under a temp HOME (reference §10.5). */
class ModelRegistryTest {

    @TempDir
    Path home;
    Path cwd;
    final Map<String, String> vars = new HashMap<>();
    final MutableClock clock = MutableClock.at("2026-05-20T10:00:00Z");

    @BeforeEach
    void setUp() throws IOException {
        cwd = Files.createDirectories(home.resolve("work"));
    }

    private ModelRegistry registry() {
        return new ModelRegistry(new GatewayEnvironment(vars, home, cwd), clock);
    }

    private CliInfo info(CliName cli) {
        return registry().cliInfo(cli);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void claudeOnACleanMachineMatchesTheNodeGatewayTextExactly() {
        assertThat(ToolResults.pretty(info(CliName.CLAUDE).toJson())).isEqualTo("""
                {
                  "description": "Anthropic's Claude Code CLI - best for code generation, analysis, and agentic coding tasks",
                  "models": {
                    "opus": "Most capable model. Best for: complex reasoning, nuanced analysis, difficult problems, research",
                    "sonnet": "Balanced performance. Best for: everyday coding, code review, general tasks (default)",
                    "haiku": "Fastest model. Best for: simple queries, quick answers, high-volume tasks, cost-sensitive use"
                  },
                  "defaultModel": "sonnet",
                  "modelOrder": [
                    "sonnet",
                    "opus",
                    "haiku"
                  ],
                  "modelMetadata": {
                    "opus": {
                      "source": "fallback",
                      "sourceDetail": "Bundled fallback registry",
                      "confidence": "low"
                    },
                    "sonnet": {
                      "source": "fallback",
                      "sourceDetail": "Bundled fallback registry",
                      "confidence": "low"
                    },
                    "haiku": {
                      "source": "fallback",
                      "sourceDetail": "Bundled fallback registry",
                      "confidence": "low"
                    }
                  },
                  "warnings": []
                }""");
    }

    @Test
    void everyCliHasItsBundledModelsDefaultsAndOrder() {
        ModelRegistry r = registry();
        assertThat(r.cliInfo().keySet()).containsExactly(CliName.values());
        assertThat(r.cliInfo(CliName.CODEX).defaultModel()).isEqualTo("gpt-5.5");
        assertThat(r.cliInfo(CliName.CODEX).modelOrder())
                .containsExactly("gpt-5.5", "gpt-5.4", "gpt-5.3-codex", "gpt-5.2", "gpt-5-pro");
        assertThat(r.cliInfo(CliName.GEMINI).defaultModel()).isNull();
        assertThat(r.cliInfo(CliName.GEMINI).modelOrder()).containsExactly("gemini-2.5-pro", "gemini-2.5-flash");
        assertThat(r.cliInfo(CliName.GROK).defaultModel()).isNull();
        assertThat(r.cliInfo(CliName.GROK).modelOrder()).containsExactly("grok-build");
        assertThat(r.cliInfo(CliName.MISTRAL).defaultModel()).isEqualTo("devstral-medium");
        assertThat(r.cliInfo(CliName.MISTRAL).modelOrder())
                .containsExactly("devstral-medium", "devstral-large", "mistral-large-latest");
        for (CliInfo info : r.cliInfo().values()) {
            assertThat(info.aliases()).isNull();
            assertThat(info.defaultModelSource()).isNull();
            assertThat(info.warnings()).isEmpty();
        }
    }

    @Test
    void jsonLeavesOutAbsentDefaultsAndAliases() {
        Map<String, Object> gemini = info(CliName.GEMINI).toJson();
        assertThat(gemini.keySet()).containsExactly("description", "models", "modelOrder", "modelMetadata", "warnings");
    }

    @Test
    void settingsThenLocalSettingsThenEnvSetTheDefault() throws IOException {
        Path settings = write(".claude/settings.json", "{\"model\": \"opus\"}");
        CliInfo fromSettings = info(CliName.CLAUDE);
        assertThat(fromSettings.defaultModel()).isEqualTo("opus");
        assertThat(fromSettings.defaultModelSource()).isEqualTo(settings.toString());
        assertThat(fromSettings.models().get("opus")).isEqualTo("Configured default from " + settings);
        assertThat(fromSettings.modelMetadata().get("opus"))
                .isEqualTo(new ModelMetadata(ModelSource.CONFIG, settings.toString(), Confidence.MEDIUM));
        assertThat(fromSettings.modelOrder()).containsExactly("opus", "sonnet", "haiku");

        Path local = write(".claude/settings.local.json", "{\"model\": {\"name\": \"haiku\"}}");
        assertThat(info(CliName.CLAUDE).defaultModel()).isEqualTo("haiku");
        assertThat(info(CliName.CLAUDE).defaultModelSource()).isEqualTo(local.toString());

        vars.put("CLAUDE_DEFAULT_MODEL", "claude-opus-4-1");
        CliInfo fromEnv = info(CliName.CLAUDE);
        assertThat(fromEnv.defaultModel()).isEqualTo("claude-opus-4-1");
        assertThat(fromEnv.defaultModelSource()).isEqualTo("CLAUDE_DEFAULT_MODEL");
        assertThat(fromEnv.modelMetadata().get("claude-opus-4-1"))
                .isEqualTo(new ModelMetadata(ModelSource.ENV, "CLAUDE_DEFAULT_MODEL", Confidence.HIGH));
        assertThat(fromEnv.modelOrder()).containsExactly("claude-opus-4-1", "opus", "sonnet", "haiku");
    }

    @Test
    void settingsPathVariablesAreUsedVerbatimAndRelativeToTheWorkingDirectory() throws IOException {
        Files.writeString(cwd.resolve("my-settings.json"), "{\"model\": \"haiku\"}");
        vars.put("CLAUDE_SETTINGS_PATH", "my-settings.json");
        CliInfo info = info(CliName.CLAUDE);
        assertThat(info.defaultModel()).isEqualTo("haiku");
        assertThat(info.defaultModelSource()).isEqualTo("my-settings.json");
    }

    @Test
    void unparsableSettingsAreAWarningAndChangeNothing() throws IOException {
        Path settings = write(".claude/settings.json", "{\"model\": ");
        CliInfo info = info(CliName.CLAUDE);
        assertThat(info.defaultModel()).isEqualTo("sonnet");
        assertThat(info.warnings()).singleElement().asString()
                .startsWith("Could not parse JSON config " + settings + ": ");
    }

    @Test
    void blankOrNonStringModelValuesAreIgnored() throws IOException {
        write(".claude/settings.json", "{\"model\": \"  \"}");
        write(".claude/settings.local.json", "{\"model\": 5}");
        CliInfo info = info(CliName.CLAUDE);
        assertThat(info.defaultModel()).isEqualTo("sonnet");
        assertThat(info.warnings()).isEmpty();
    }

    @Test
    void anInvalidDefaultIsAWarning() {
        vars.put("CLAUDE_DEFAULT_MODEL", "bad model");
        CliInfo info = info(CliName.CLAUDE);
        assertThat(info.defaultModel()).isEqualTo("sonnet");
        assertThat(info.warnings()).containsExactly("Ignored invalid default model from CLAUDE_DEFAULT_MODEL");
    }

    @Test
    void commaAndNewlineListWithOptionalDescriptions() {
        vars.put("GROK_MODELS", "grok-4, grok-code-fast=Fast coding model\ngrok-3=");
        CliInfo info = info(CliName.GROK);
        assertThat(info.models()).containsEntry("grok-4", "Configured via GROK_MODELS")
                .containsEntry("grok-code-fast", "Fast coding model")
                .containsEntry("grok-3", "Configured via GROK_MODELS");
        assertThat(info.modelMetadata().get("grok-4"))
                .isEqualTo(new ModelMetadata(ModelSource.ENV, "GROK_MODELS", Confidence.HIGH));
        assertThat(info.modelOrder()).containsExactly("grok-build", "grok-4", "grok-code-fast", "grok-3");
    }

    @Test
    void jsonArrayOfStringsAndObjects() {
        vars.put("CODEX_MODELS", """
                ["gpt-6", {"id": "o5", "desc": "Reasoning"}, {"name": "  "}, {"model": "m", "description": "D"}, 5]""");
        CliInfo info = info(CliName.CODEX);
        assertThat(info.models()).containsEntry("gpt-6", "Configured via CODEX_MODELS")
                .containsEntry("o5", "Reasoning").containsEntry("m", "D");
        assertThat(info.models()).hasSize(8);
    }

    @Test
    void jsonObjectOfNamesToDescriptions() {
        vars.put("MISTRAL_MODELS", "{\"codestral\": \"Code model\", \"magistral\": 1}");
        CliInfo info = info(CliName.MISTRAL);
        assertThat(info.models()).containsEntry("codestral", "Code model")
                .containsEntry("magistral", "Configured via MISTRAL_MODELS");
    }

    @Test
    void brokenJsonIsOneModelNameAndInvalidNamesWarnOnce() {
        vars.put("GEMINI_MODELS", "[not-json");
        assertThat(info(CliName.GEMINI).models()).containsEntry("[not-json", "Configured via GEMINI_MODELS");
        vars.put("GEMINI_MODELS", "bad name, also bad,ok-model");
        CliInfo info = info(CliName.GEMINI);
        assertThat(info.warnings()).containsExactly("Ignored invalid model name from GEMINI_MODELS");
        assertThat(info.models()).containsKey("ok-model").doesNotContainKey("bad name");
    }

    @Test
    void envOverridesBundledDescriptionsAndProvenance() {
        vars.put("CODEX_MODELS", "gpt-5.5=My description,gpt-5.4");
        CliInfo info = info(CliName.CODEX);
        assertThat(info.models().get("gpt-5.5")).isEqualTo("My description");
        assertThat(info.models().get("gpt-5.4")).isEqualTo("Configured via CODEX_MODELS");
        assertThat(info.modelMetadata().get("gpt-5.4").source()).isEqualTo(ModelSource.ENV);
        assertThat(info.modelOrder()).startsWith("gpt-5.5", "gpt-5.4");
    }

    @Test
    void perCliAliasListLowerCasesAliasesAndWarnsAboutBadOnes() {
        vars.put("CLAUDE_MODEL_ALIASES", "Fast=haiku, best = opus,bad alias=x,=skipped,t=x y,d=default");
        CliInfo info = info(CliName.CLAUDE);
        assertThat(info.aliases()).containsExactly(Map.entry("fast", "haiku"), Map.entry("best", "opus"),
                Map.entry("d", "default"));
        assertThat(info.warnings()).containsExactly("Ignored invalid alias from CLAUDE_MODEL_ALIASES",
                "Ignored invalid alias target from CLAUDE_MODEL_ALIASES");
    }

    @Test
    void jsonAliasObjectSkipsNonStringTargets() {
        vars.put("CODEX_MODEL_ALIASES", "{\"quick\": \"gpt-5.4\", \"n\": 5}");
        assertThat(info(CliName.CODEX).aliases()).containsExactly(Map.entry("quick", "gpt-5.4"));
        vars.put("CODEX_MODEL_ALIASES", "{broken");
        assertThat(info(CliName.CODEX).aliases()).isNull();
    }

    @Test
    void globalAliasesApplyToTheCliNamedInTheirPrefix() {
        vars.put("LLM_GATEWAY_MODEL_ALIASES", "claude.smart=opus,codex.fast=gpt-5.4\ngemini.quick=default,plain=x");
        ModelRegistry r = registry();
        assertThat(r.cliInfo(CliName.CLAUDE).aliases()).containsExactly(Map.entry("smart", "opus"));
        assertThat(r.cliInfo(CliName.CODEX).aliases()).containsExactly(Map.entry("fast", "gpt-5.4"));
        assertThat(r.cliInfo(CliName.GEMINI).aliases()).containsExactly(Map.entry("quick", "default"));
        assertThat(r.cliInfo(CliName.GROK).aliases()).isNull();
    }

    @Test
    void blankMeansNoModelAndLatestOrDefaultMeanTheDefault() {
        ModelRegistry r = registry();
        assertThat(r.resolveModelAlias(CliName.CLAUDE, null)).isEmpty();
        assertThat(r.resolveModelAlias(CliName.CLAUDE, "  ")).isEmpty();
        assertThat(r.resolveModelAlias(CliName.CLAUDE, "LATEST")).contains("sonnet");
        assertThat(r.resolveModelAlias(CliName.CODEX, " default ")).contains("gpt-5.5");
        assertThat(r.resolveModelAlias(CliName.GROK, "latest")).as("no default: let the CLI choose").isEmpty();
        assertThat(r.resolveModelAlias(CliName.CLAUDE, " opus ")).contains("opus");
        assertThat(r.resolveModelAlias(CliName.CODEX, "some-new-model")).contains("some-new-model");
    }

    @Test
    void configuredAliasesResolveCaseInsensitivelyIncludingAliasesOfDefault() {
        vars.put("CLAUDE_MODEL_ALIASES", "fast=haiku,main=default");
        vars.put("GROK_MODEL_ALIASES", "main=default");
        ModelRegistry r = registry();
        assertThat(r.resolveModelAlias(CliName.CLAUDE, "FAST")).contains("haiku");
        assertThat(r.resolveModelAlias(CliName.CLAUDE, "main")).contains("sonnet");
        assertThat(r.resolveModelAlias(CliName.GROK, "main")).isEmpty();
    }

    @Test
    void geminiFlashAndProPickTheNewestMatchingModel() {
        vars.put("GEMINI_MODELS", "gemini-3-flash-preview,gemini-2.5-flash-lite");
        ModelRegistry r = registry();
        assertThat(r.resolveModelAlias(CliName.GEMINI, "flash")).contains("gemini-3-flash-preview");
        assertThat(r.resolveModelAlias(CliName.GEMINI, "Pro")).contains("gemini-2.5-pro");
        assertThat(r.resolveModelAlias(CliName.CODEX, "flash")).as("only for gemini").contains("flash");
    }

    @Test
    void geminiFlashTieOnVersionGoesToTheHigherPrioritySource() {
        vars.put("GEMINI_MODELS", "gemini-2.5-flash-lite");
        assertThat(registry().resolveModelAlias(CliName.GEMINI, "flash")).contains("gemini-2.5-flash-lite");
    }

    @Test
    void geminiFlashWithNoMatchPassesTheWordThrough() {
        vars.put("GEMINI_MODEL_ALIASES", "x=y");
        vars.put("GEMINI_MODELS", "");
        ModelRegistry r = new ModelRegistry(new GatewayEnvironment(vars, home, cwd), clock);
        assertThat(r.resolveModelAlias(CliName.GEMINI, "flash")).contains("gemini-2.5-flash");
        assertThat(r.resolveModelAlias(CliName.GEMINI, "x")).contains("y");
    }

    @Test
    void modelProfilesAndMigrationsComeFromConfigToml() throws IOException {
        Path config = write(".codex/config.toml", """
                model = "gpt-5.1-codex-max"
                approval_policy = "never"

                [profiles.fast]
                model = "gpt-5.4-mini"

                [profiles.empty]
                sandbox_mode = "read-only"

                [notice.model_migrations]
                "gpt-5-codex" = "gpt-5.1-codex"
                "odd" = 3
                """);
        CliInfo info = info(CliName.CODEX);
        assertThat(info.defaultModel()).isEqualTo("gpt-5.1-codex-max");
        assertThat(info.defaultModelSource()).isEqualTo(config.toString());
        assertThat(info.models()).containsEntry("gpt-5.4-mini", "Configured in Codex profile 'fast'")
                .containsEntry("gpt-5.1-codex", "Migration target for gpt-5-codex")
                .containsEntry("gpt-5-codex", "Legacy model (migrates to gpt-5.1-codex)");
        assertThat(info.modelMetadata().get("gpt-5.4-mini")).isEqualTo(
                new ModelMetadata(ModelSource.CONFIG, config + " profile fast", Confidence.MEDIUM));
        assertThat(info.modelMetadata().get("gpt-5-codex")).isEqualTo(
                new ModelMetadata(ModelSource.CONFIG, config + " notice.model_migrations", Confidence.MEDIUM));
        assertThat(info.modelOrder()).containsExactly("gpt-5.1-codex-max", "gpt-5.5", "gpt-5.4", "gpt-5.3-codex",
                "gpt-5.2", "gpt-5-pro", "gpt-5.4-mini", "gpt-5.1-codex", "gpt-5-codex");
        assertThat(info.warnings()).isEmpty();
    }

    @Test
    void envDefaultWinsOverTheConfigFileAndCustomPathIsHonoured() throws IOException {
        Path config = write("elsewhere/codex.toml", "model = \"gpt-5.4\"\n");
        vars.put("CODEX_CONFIG_PATH", config.toString());
        assertThat(info(CliName.CODEX).defaultModel()).isEqualTo("gpt-5.4");
        vars.put("CODEX_DEFAULT_MODEL", "gpt-5.2");
        CliInfo info = info(CliName.CODEX);
        assertThat(info.defaultModel()).isEqualTo("gpt-5.2");
        assertThat(info.defaultModelSource()).isEqualTo("CODEX_DEFAULT_MODEL");
    }

    @Test
    void brokenTomlIsAWarning() throws IOException {
        Path config = write(".codex/config.toml", "model = \n");
        CliInfo info = info(CliName.CODEX);
        assertThat(info.defaultModel()).isEqualTo("gpt-5.5");
        assertThat(info.warnings()).singleElement().asString().startsWith("Could not parse Codex config " + config + ": ");
    }

    private Path chat(String project, String name, String content, String mtime) throws IOException {
        Path file = write(".gemini/tmp/" + project + "/chats/" + name, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(mtime)));
        return file;
    }

    @Test
    void settingsKeysAreTriedInOrder() throws IOException {
        Path settings = write(".gemini/settings.json", "{\"model\": {\"name\": \"gemini-2.5-flash\"}, \"selectedModel\": \"x\"}");
        assertThat(info(CliName.GEMINI).defaultModel()).isEqualTo("gemini-2.5-flash");
        assertThat(info(CliName.GEMINI).defaultModelSource()).isEqualTo(settings.toString());
        write(".gemini/settings.json", "{\"defaultModel\": \"gemini-2.5-pro\"}");
        assertThat(info(CliName.GEMINI).defaultModel()).isEqualTo("gemini-2.5-pro");
        vars.put("GEMINI_DEFAULT_MODEL", "gemini-3-pro-preview");
        assertThat(info(CliName.GEMINI).defaultModel()).isEqualTo("gemini-3-pro-preview");
    }

    @Test
    void historyAddsObservedModelsWithLowConfidenceNewestVersionFirstAndNeverAsDefault() throws IOException {
        Path first = chat("proj-a", "session-1.json", """
                {"messages": [{"model": "gemini-2.5-flash"}, {"meta": {"modelName": "gemini-3-pro-preview"}}]}""",
                "2026-05-19T08:00:00Z");
        Path second = chat("proj-b", "session-2.json", "{ truncated \"modelId\": \"gemini-2.0-flash\", ",
                "2026-05-18T08:00:00Z");
        chat("proj-b", "notes.txt", "{\"model\": \"ignored-not-json-suffix\"}", "2026-05-19T09:00:00Z");
        CliInfo info = info(CliName.GEMINI);
        assertThat(info.defaultModel()).isNull();
        assertThat(info.models()).containsEntry("gemini-3-pro-preview",
                "Observed in local Gemini sessions (last seen 2026-05-19)")
                .containsEntry("gemini-2.0-flash", "Observed in local Gemini sessions (last seen 2026-05-18)")
                .containsEntry("gemini-2.5-flash", "Observed in local Gemini sessions (last seen 2026-05-19)")
                .doesNotContainKey("ignored-not-json-suffix");
        assertThat(info.modelMetadata().get("gemini-3-pro-preview")).isEqualTo(new ModelMetadata(
                ModelSource.OBSERVED, first.toString(), Confidence.LOW, "2026-05-19"));
        assertThat(info.modelMetadata().get("gemini-2.0-flash").sourceDetail()).isEqualTo(second.toString());
        assertThat(info.modelOrder()).containsExactly("gemini-2.5-pro", "gemini-2.5-flash",
                "gemini-3-pro-preview", "gemini-2.0-flash");
        assertThat(info.modelMetadata().get("gemini-3-pro-preview").toJson()).containsKeys("lastSeen");
    }

    @Test
    void historyReadsOnlyTheNewestFilesAndSkipsBigOnes() throws IOException {
        chat("p", "new.json", "{\"model\": \"gemini-new\"}", "2026-05-19T08:00:00Z");
        chat("p", "old.json", "{\"model\": \"gemini-old\"}", "2026-05-10T08:00:00Z");
        chat("p", "big.json", "{\"model\": \"gemini-big\", \"pad\": \"" + "x".repeat(200) + "\"}",
                "2026-05-20T08:00:00Z");
        vars.put("GEMINI_HISTORY_MAX_FILES", "1");
        vars.put("GEMINI_HISTORY_MAX_FILE_BYTES", "100");
        assertThat(info(CliName.GEMINI).models()).containsKey("gemini-new")
                .doesNotContainKeys("gemini-old", "gemini-big");
        vars.put("GEMINI_HISTORY_MAX_FILES", "0"); // invalid → default 200
        assertThat(info(CliName.GEMINI).models()).containsKeys("gemini-new", "gemini-old");
    }

    @Test
    void historyRootCanBeMovedAndDiscoveryCanBeSwitchedOff() throws IOException {
        Path root = Files.createDirectories(home.resolve("hist/p/chats"));
        Files.writeString(root.resolve("c.json"), "{\"model\": \"gemini-moved\"}");
        vars.put("GEMINI_HISTORY_ROOT", home.resolve("hist").toString());
        assertThat(info(CliName.GEMINI).models()).containsKey("gemini-moved");
        vars.put("GEMINI_DISABLE_HISTORY_DISCOVERY", "1");
        assertThat(info(CliName.GEMINI).models()).doesNotContainKey("gemini-moved");
        vars.remove("GEMINI_DISABLE_HISTORY_DISCOVERY");
        vars.put("LLM_GATEWAY_DISABLE_MODEL_DISCOVERY", "1");
        assertThat(info(CliName.GEMINI).models()).doesNotContainKey("gemini-moved");
        vars.put("LLM_GATEWAY_DISABLE_MODEL_DISCOVERY", "true");
        assertThat(info(CliName.GEMINI).models()).as("only \"1\" disables").containsKey("gemini-moved");
    }

    @Test
    void atMostTwentyModelsAreTakenFromOneFile() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            json.append(i == 0 ? "" : ",").append("{\"model\": \"gm-").append(i).append("\"}");
        }
        chat("p", "many.json", json.append("]").toString(), "2026-05-19T08:00:00Z");
        assertThat(info(CliName.GEMINI).models().keySet().stream().filter(m -> m.startsWith("gm-"))).hasSize(20);
    }

    @Test
    void grokDefaultComesOnlyFromTheEnvironment() {
        vars.put("GROK_DEFAULT_MODEL", "grok-4");
        CliInfo info = info(CliName.GROK);
        assertThat(info.defaultModel()).isEqualTo("grok-4");
        assertThat(info.modelOrder()).containsExactly("grok-4", "grok-build");
    }

    @Test
    void mistralDefaultFromMistralDefaultModelElseVibeActiveModel() {
        vars.put("VIBE_ACTIVE_MODEL", "devstral-large");
        CliInfo vibe = info(CliName.MISTRAL);
        assertThat(vibe.defaultModel()).isEqualTo("devstral-large");
        assertThat(vibe.defaultModelSource()).isEqualTo("VIBE_ACTIVE_MODEL");
        assertThat(vibe.models().get("devstral-large")).isEqualTo("Configured default from VIBE_ACTIVE_MODEL");
        vars.put("MISTRAL_DEFAULT_MODEL", "mistral-large-latest");
        CliInfo mistral = info(CliName.MISTRAL);
        assertThat(mistral.defaultModel()).isEqualTo("mistral-large-latest");
        assertThat(mistral.defaultModelSource()).isEqualTo("MISTRAL_DEFAULT_MODEL");
        vars.put("MISTRAL_DEFAULT_MODEL", "");
        assertThat(info(CliName.MISTRAL).defaultModel()).as("empty counts as unset").isEqualTo("devstral-large");
    }

    @Test
    void configChangesShowAfterTwoMinutesOrOnForcedRefresh() throws IOException {
        ModelRegistry r = registry();
        assertThat(r.cliInfo(CliName.CLAUDE).defaultModel()).isEqualTo("sonnet");
        write(".claude/settings.json", "{\"model\": \"opus\"}");
        clock.advance(Duration.ofSeconds(119));
        assertThat(r.cliInfo(CliName.CLAUDE).defaultModel()).as("cached").isEqualTo("sonnet");
        clock.advance(Duration.ofSeconds(1));
        assertThat(r.cliInfo(CliName.CLAUDE).defaultModel()).isEqualTo("opus");
        write(".claude/settings.json", "{\"model\": \"haiku\"}");
        assertThat(r.cliInfo(true).get(CliName.CLAUDE).defaultModel()).isEqualTo("haiku");
        write(".claude/settings.json", "{\"model\": \"sonnet\"}");
        r.clearCache();
        assertThat(r.resolveModelAlias(CliName.CLAUDE, "latest")).contains("sonnet");
    }

    @Test
    void toJsonHasOneEntryPerCliInOrder() {
        assertThat(registry().toJson().keySet()).containsExactly("claude", "codex", "gemini", "grok", "mistral");
        assertThat(List.copyOf(registry().toJson().values())).allSatisfy(v -> assertThat(v).isInstanceOf(Map.class));
    }
}
