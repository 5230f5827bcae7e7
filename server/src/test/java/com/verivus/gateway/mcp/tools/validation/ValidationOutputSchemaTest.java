package com.verivus.gateway.mcp.tools.validation;

import static com.verivus.gateway.mcp.tools.validation.ToolHarness.JSON;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.map;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.validation.ValidationFixtures;
import com.verivus.gateway.validation.ValidationTestBase;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The declared schemas themselves: each validation tool declares one, each is a valid JSON Schema
 * 2020-12 document, and they are strict enough to reject a result that drifted. (Every tool call in
 * the other validation tests is checked against its tool's outputSchema by {@link ToolHarness}.)
 */
class ValidationOutputSchemaTest extends ValidationTestBase {

    static final List<String> OWN_TOOLS = List.of("validate_with_models", "second_opinion", "compare_answers",
            "red_team_review", "consensus_check", "ask_model", "synthesize_validation", "job_status", "job_result");

    @Test
    void theToolsComeInTheNodeGatewaysOrderAndEachOfOursDeclaresAnOutputSchema() {
        fx = ValidationFixtures.in(dir).build();
        ToolHarness h = new ToolHarness(fx, Duration.ofSeconds(5));
        assertThat(h.tools.keySet()).containsExactly("validate_with_models", "second_opinion", "compare_answers",
                "red_team_review", "consensus_check", "ask_model", "synthesize_validation", "list_available_models",
                "job_status", "job_result");
        for (String name : OWN_TOOLS) {
            assertThat(h.tool(name).outputSchema()).as(name).isNotNull().containsEntry("type", "object");
        }
    }

    @Test
    void everySchemaIsAValidJsonSchema202012Document() {
        fx = ValidationFixtures.in(dir).build();
        ToolHarness h = new ToolHarness(fx, Duration.ofSeconds(5));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (GatewayTool tool : h.tools.values()) {
            assertThat(meta.validate(JSON.valueToTree(tool.inputSchema().toJsonSchema())))
                    .as(tool.name() + " inputSchema").isEmpty();
            if (tool.outputSchema() != null) {
                assertThat(meta.validate(JSON.valueToTree(tool.outputSchema()))).as(tool.name() + " outputSchema")
                        .isEmpty();
            }
        }
        // the judge's input shows each provider result's shape to the model
        Map<String, Object> providerResults = map(map(h.tool("synthesize_validation").inputSchema().toJsonSchema()
                .get("properties")).get("providerResults"));
        assertThat(providerResults).containsEntry("type", "array").containsEntry("minItems", 1);
        assertThat(map(map(providerResults.get("items")).get("properties"))).containsKeys("provider", "status",
                "rawJobReference");
    }

    @Test
    void aResultThatDriftsFromItsSchemaIsRejected() throws Exception {
        fx = ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree").build();
        ToolHarness h = new ToolHarness(fx, Duration.ofSeconds(30));
        CallToolResult r = h.call("ask_model", Map.of("question", "q"));
        GatewayTool tool = h.tool("ask_model");
        assertThat(ToolHarness.schemaErrors(tool, r.structuredContent())).isEmpty();

        Map<String, Object> copy = JSON.readValue(JSON.writeValueAsString(r.structuredContent()),
                new TypeReference<Map<String, Object>>() { });
        Map<String, Object> report = map(map(map(copy.get("report")).get("report")).get("structuredContent"));
        report.put("confidence", "certain");
        assertThat(ToolHarness.schemaErrors(tool, copy)).isNotEmpty();
        assertThat(ToolHarness.SDK_VALIDATOR.validate(tool.outputSchema(), copy).valid()).isFalse();

        report.put("confidence", "medium");
        assertThat(ToolHarness.schemaErrors(tool, copy)).isEmpty();
        map(copy.get("report")).put("surprise", 1);
        assertThat(ToolHarness.schemaErrors(tool, copy)).as("closed objects: an undeclared field fails").isNotEmpty();
        assertThat(report(r)).containsEntry("confidence", "medium");
    }
}
