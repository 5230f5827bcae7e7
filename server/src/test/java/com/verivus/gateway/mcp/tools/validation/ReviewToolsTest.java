package com.verivus.gateway.mcp.tools.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.changereview.ReceiptLookup;
import com.verivus.gateway.changereview.ReviewFixtures;
import com.verivus.gateway.changereview.TempGitRepo;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.workspace.AllowedRoots;
import com.verivus.gateway.workspace.WorkingDirectoryPolicy;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** review_changes and validation_receipt as tools: arguments, errors, and results that match their outputSchema. */
class ReviewToolsTest {

    @TempDir
    Path dir;

    ReviewFixtures fx;
    TempGitRepo repo;
    ReviewChangesTool review;
    ValidationReceiptTool receipt;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new ReviewFixtures(dir, new LinkedHashMap<>(Map.of(CliName.CLAUDE, "approve", CliName.CODEX, "empty")));
        repo = TempGitRepo.init(dir.resolve("repo"));
        repo.write("a.txt", "one\n").add("a.txt").commit("first");
        repo.write("a.txt", "two\n").add("a.txt").commit("second");
        review = new ReviewChangesTool(fx.reviewer, new WorkingDirectoryPolicy(AllowedRoots.NONE), 0);
        receipt = new ValidationReceiptTool(new ReceiptLookup(fx.store));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private CallToolResult call(GatewayTool tool, Map<String, Object> args) {
        CallToolResult result = ToolCatalog.invoke(tool, args, (p, total, message) -> progress.add(message));
        if (!Boolean.TRUE.equals(result.isError())) {
            assertThat(ToolHarness.schemaErrors(tool, result.structuredContent())).as(tool.name()).isEmpty();
            var sdk = ToolHarness.SDK_VALIDATOR.validate(tool.outputSchema(), result.structuredContent());
            assertThat(sdk.valid()).as(tool.name() + ": " + sdk.errorMessage()).isTrue();
        }
        return result;
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReviewWithASilentAndAMissingReviewerMatchesItsSchemaAndItsReceiptReadsBack() {
        CallToolResult r = call(review, Map.of("repo", repo.root.toString(), "providers", List.of("claude", "codex", "gemini"),
                "judge", "claude"));
        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(text(r)).contains("1 of 3 reviewers reviewed.", "codex: no_review", "gemini: skipped",
                "Receipt: review-receipt://");
        Map<String, Object> rec = (Map<String, Object>) ((Map<String, Object>) r.structuredContent()).get("receipt");
        assertThat(progress).contains("2 of 2 reviewers done");

        CallToolResult back = call(receipt, Map.of("id", rec.get("uri"), "artifactSha256", rec.get("artifactSha256")));
        assertThat((Map<String, Object>) back.structuredContent()).containsEntry("intact", true)
                .containsEntry("artifactMatches", true).containsEntry("receipt", rec);
    }

    @Test
    void withoutAJudgeTheReceiptSaysSo() {
        CallToolResult r = call(review, Map.of("repo", repo.root.toString(), "providers", List.of("claude"),
                "include", List.of("committed")));
        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(text(r)).contains("Judge: not requested");
    }

    @Test
    void badInputIsAClearError() {
        CallToolResult relative = call(review, Map.of("repo", "repo"));
        assertThat(relative.isError()).isTrue();
        assertThat(text(relative)).contains("repo must be an absolute path");

        CallToolResult notRepo = call(review, Map.of("repo", dir.resolve("home").toString()));
        assertThat(notRepo.isError()).isTrue();
        assertThat(text(notRepo)).contains("is not inside a git work tree");

        CallToolResult big = call(review, Map.of("repo", repo.root.toString(), "maxBytes", 10));
        assertThat(big.isError()).isTrue();
        assertThat(text(big)).contains("larger than maxBytes", "Narrow it");

        CallToolResult nothing = call(review, Map.of("repo", repo.root.toString(), "include", List.of("staged")));
        assertThat(nothing.isError()).isTrue();
        assertThat(text(nothing)).contains("Nothing to review", "no changes in staged");

        CallToolResult unknownProvider = call(review, Map.of("repo", repo.root.toString(), "providers",
                List.of("gpt")));
        assertThat(unknownProvider.isError()).isTrue();

        CallToolResult noReceipt = call(receipt, Map.of("id", "9b2f0c1e-0000-4000-8000-000000000000"));
        assertThat(noReceipt.isError()).isTrue();
        assertThat(text(noReceipt)).contains("No review receipt");
        CallToolResult badId = call(receipt, Map.of("id", "../etc"));
        assertThat(text(badId)).contains("is not a review receipt id");
        assertThat(fx.runs()).isEmpty();
    }

    @Test
    void everyParameterIsDescribed() {
        for (GatewayTool tool : List.of(review, receipt)) {
            assertThat(tool.description()).isNotBlank();
            for (InputSchema.Param p : tool.inputSchema().params()) {
                assertThat(p.description()).as(tool.name() + "." + p.name()).isNotBlank();
            }
        }
    }
}
