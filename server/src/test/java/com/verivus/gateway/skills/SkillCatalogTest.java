package com.verivus.gateway.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.ServerInstructions;
import com.verivus.gateway.mcp.resources.SkillResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SkillCatalogTest {

    /** The skill directories in the source tree (tests run with the server module as working directory). */
    private static final Path SOURCE = Path.of("src/main/resources/llm-cli-gateway/skills");

    private static final List<String> SHIPPED = List.of("async-job-orchestration", "session-workflow",
            "multi-llm-review", "secure-orchestration", "gateway-observability");

    /** Every MCP tool of the gateway: §1 of the behaviour spec (26 core + 10 validation tools), llm_job_watch, llm_request_result, review_changes, validation_receipt. */
    private static final Set<String> TOOLS = Set.of("claude_request", "codex_request", "codex_fork_session",
            "gemini_request", "grok_request", "mistral_request", "claude_request_async", "codex_request_async",
            "gemini_request_async", "grok_request_async", "mistral_request_async", "llm_job_status", "llm_job_result",
            "llm_job_cancel", "llm_process_health", "approval_list", "list_models", "cli_versions",
            "upstream_contracts", "cli_upgrade", "session_create", "session_list", "session_set_active",
            "session_delete", "session_get", "session_clear_all", "validate_with_models", "second_opinion",
            "compare_answers", "red_team_review", "consensus_check", "ask_model", "synthesize_validation",
            "list_available_models", "job_status", "job_result", "llm_job_watch", "llm_request_result",
            "review_changes", "validation_receipt");
    /** snake_case words in the skills that are not tools: columns, config keys, status values. */
    private static final Set<String> NOT_TOOLS = Set.of("session_logging", "request_id", "error_message",
            "waiting_for_provider_results", "mcp_managed", "ref_tools", "gateway_metadata", "no_review", "timed_out");

    @Test
    void classpathCatalogServesEveryShippedSkillInIndexOrder() {
        SkillCatalog catalog = SkillCatalog.fromClasspath();
        assertThat(catalog.skills()).extracting(Skill::name).containsExactlyElementsOf(SHIPPED);
    }

    @Test
    void indexNamesExactlyTheSkillDirectoriesInTheSourceTree() throws Exception {
        Set<String> dirs = new TreeSet<>();
        try (Stream<Path> list = Files.list(SOURCE)) {
            list.filter(Files::isDirectory).forEach(d -> dirs.add(d.getFileName().toString()));
        }
        assertThat(dirs).containsExactlyInAnyOrderElementsOf(SHIPPED);
        for (String dir : dirs) {
            assertThat(SOURCE.resolve(dir).resolve("SKILL.md")).isRegularFile();
        }
    }

    @Test
    void everySkillHasMatchingFrontmatterAndABody() {
        for (Skill skill : SkillCatalog.fromClasspath().skills()) {
            SkillFrontmatter front = SkillFrontmatter.parse(skill.markdown());
            assertThat(front.get("name")).as(skill.name()).contains(skill.name());
            assertThat(front.get("description")).as(skill.name()).contains(skill.description());
            assertThat(skill.description()).hasSizeBetween(40, 300);
            assertThat(skill.markdown()).as(skill.name()).contains("\n# ");
        }
    }

    @Test
    void skillsNameOnlyToolsThisGatewayHas() {
        Pattern code = Pattern.compile("`([^`\\n]+)`");
        Pattern snake = Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b");
        List<String> unknown = new java.util.ArrayList<>();
        for (Skill skill : SkillCatalog.fromClasspath().skills()) {
            Matcher span = code.matcher(skill.markdown());
            while (span.find()) {
                Matcher word = snake.matcher(span.group(1));
                while (word.find()) {
                    String name = word.group();
                    if (name.endsWith("_request") && span.group(1).contains("*_request")) {
                        continue; // the `*_request` family
                    }
                    if (!TOOLS.contains(name) && !NOT_TOOLS.contains(name)) {
                        unknown.add(skill.name() + ": `" + name + "`");
                    }
                }
            }
        }
        assertThat(unknown).as("names in skills that are not tools of this gateway").isEmpty();
    }

    @Test
    void instructionLinesNameEachSkillWithItsDescription() {
        SkillCatalog catalog = SkillCatalog.fromClasspath();
        List<String> lines = catalog.instructionLines();
        assertThat(lines).hasSize(SHIPPED.size());
        assertThat(lines.getFirst()).isEqualTo("- skills://async-job-orchestration — "
                + catalog.find("async-job-orchestration").orElseThrow().description());
        assertThat(ServerInstructions.text(45_000, true, lines)).contains("\nSkills:\n" + lines.getFirst() + "\n");
    }

    @Test
    void resourcesAreMarkdownNamedAfterTheSkill() throws Exception {
        SkillCatalog catalog = SkillCatalog.fromClasspath();
        List<GatewayResource> resources = SkillResource.all(catalog);
        assertThat(resources).extracting(GatewayResource::uri)
                .containsExactlyElementsOf(SHIPPED.stream().map(n -> "skills://" + n).toList());
        GatewayResource session = resources.get(1);
        assertThat(session.name()).isEqualTo("skill-session-workflow");
        assertThat(session.title()).isEqualTo("session-workflow");
        assertThat(session.mimeType()).isEqualTo("text/markdown");
        assertThat(session.description()).startsWith("Keep multi-turn conversations going");
        assertThat(session.read()).isEqualTo(Files.readString(SOURCE.resolve("session-workflow/SKILL.md")));
    }

    // --- loading from a reader the test controls ---------------------------------------------

    private static SkillCatalog load(Map<String, String> files) {
        return SkillCatalog.load(path -> Optional.ofNullable(files.get(path)));
    }

    @Test
    void noIndexMeansNoSkills() {
        assertThat(load(Map.of("llm-cli-gateway/skills/a/SKILL.md", "x")).skills()).isEmpty();
    }

    @Test
    void missingInvalidAndDuplicateEntriesAreSkipped() {
        Map<String, String> files = new HashMap<>();
        files.put(SkillCatalog.INDEX, "# comment\n\n alpha \nmissing\n../etc\nBad_Name\nalpha\nbeta\n");
        files.put("llm-cli-gateway/skills/alpha/SKILL.md", "---\nname: alpha\ndescription: \"Alpha: the \\\"first\\\"\"\n---\n# A\n");
        files.put("llm-cli-gateway/skills/beta/SKILL.md", "# No frontmatter here\ndescription: not a header\n");
        SkillCatalog catalog = load(files);
        assertThat(catalog.skills()).extracting(Skill::name).containsExactly("alpha", "beta");
        assertThat(catalog.find("alpha").orElseThrow().description()).isEqualTo("Alpha: the \"first\"");
        assertThat(catalog.find("beta").orElseThrow().description()).isEqualTo("beta");
        assertThat(catalog.find("missing")).isEmpty();
    }

    @Test
    void frontmatterReadsPlainAndQuotedScalarsAndIgnoresNestedKeys() {
        SkillFrontmatter f = SkillFrontmatter.parse("---\r\nname: x\r\ndescription: 'it''s: fine'\r\n"
                + "metadata:\r\n  nested: no\r\n---\r\nbody: not read\r\n");
        assertThat(f.get("name")).contains("x");
        assertThat(f.get("description")).contains("it's: fine");
        assertThat(f.get("nested")).isEmpty();
        assertThat(f.get("body")).isEmpty();
        assertThat(SkillFrontmatter.parse("---\nname: unterminated\n").get("name")).isEmpty();
    }
}
