package com.verivus.gateway.mcp.tools.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.tools.models.ListAvailableModelsTool;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.validation.ValidationFixtures;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.WaitBudget;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The validation tools over one fixture: calls them through {@link ToolCatalog#invoke} with a
 * recording progress reporter, and checks every structuredContent against the tool's outputSchema
 * with the networknt validator the MCP SDK validates with.
 */
final class ToolHarness {

    static final ObjectMapper JSON = new ObjectMapper();
    static final DefaultJsonSchemaValidator SDK_VALIDATOR = new DefaultJsonSchemaValidator();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

    /** One progress notification. */
    record Progress(double progress, Double total, String message) {
    }

    final ValidationFixtures fx;
    final JobEngine engine;
    final ValidationOrchestrator orchestrator;
    final Map<String, GatewayTool> tools = new LinkedHashMap<>();
    final List<Progress> progress = new CopyOnWriteArrayList<>();

    ToolHarness(ValidationFixtures fx, Duration wait) {
        this(fx, wait, com.verivus.gateway.validation.UpstreamContractStandIn::check);
    }

    ToolHarness(ValidationFixtures fx, Duration wait, BiConsumer<CliName, List<String>> contract) {
        this(fx, fx.orchestrator(fx.engine(), contract), wait);
    }

    private ToolHarness(ValidationFixtures fx, ValidationOrchestrator orchestrator, Duration wait) {
        this.fx = fx;
        this.engine = orchestrator.engine();
        this.orchestrator = orchestrator;
        for (GatewayTool tool : ValidationTools.create(orchestrator, new WaitBudget(wait),
                new ListAvailableModelsTool(new ModelRegistry(fx.env)))) {
            tools.put(tool.name(), tool);
        }
    }

    /** The same engine and orchestrator, tools that wait differently. */
    ToolHarness waiting(Duration wait) {
        return new ToolHarness(fx, orchestrator, wait);
    }

    GatewayTool tool(String name) {
        GatewayTool tool = tools.get(name);
        assertThat(tool).as(name).isNotNull();
        return tool;
    }

    /** Calls the tool; a result that is not an error must conform to the tool's outputSchema. */
    CallToolResult call(String name, Map<String, Object> args) {
        progress.clear();
        GatewayTool tool = tool(name);
        CallToolResult result = ToolCatalog.invoke(tool, args, (p, total, message) ->
                progress.add(new Progress(p, total, message)));
        if (!Boolean.TRUE.equals(result.isError()) && tool.outputSchema() != null) {
            assertThat(schemaErrors(tool, result.structuredContent())).as(name + " structuredContent vs outputSchema")
                    .isEmpty();
            // and the very validator the SDK's server and client run on structured results
            var sdk = SDK_VALIDATOR.validate(tool.outputSchema(), result.structuredContent());
            assertThat(sdk.valid()).as(name + ": " + sdk.errorMessage()).isTrue();
        }
        return result;
    }

    static List<Error> schemaErrors(GatewayTool tool, Object structured) {
        Schema schema = SCHEMAS.getSchema(JSON.valueToTree(tool.outputSchema()));
        JsonNode instance = JSON.valueToTree(structured);
        return schema.validate(instance);
    }

    static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    /** body.report: the validation run. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(CallToolResult r) {
        return (Map<String, Object>) body(r).get("report");
    }

    /** body.report.report.structuredContent: the validation report. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> report(CallToolResult r) {
        return (Map<String, Object>) ((Map<String, Object>) run(r).get("report")).get("structuredContent");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> results(CallToolResult r) {
        return (List<Map<String, Object>>) run(r).get("results");
    }

    static Map<String, Object> result(CallToolResult r, String provider) {
        return results(r).stream().filter(m -> provider.equals(m.get("provider"))).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + provider));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object o) {
        return (List<String>) o;
    }

    @SuppressWarnings("unchecked")
    static String jobId(Map<String, Object> result) {
        return (String) ((Map<String, Object>) result.get("rawJobReference")).get("jobId");
    }
}
