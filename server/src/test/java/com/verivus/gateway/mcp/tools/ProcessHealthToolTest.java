package com.verivus.gateway.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfigLoader;
import com.verivus.gateway.job.ProcessHealthReport;
import com.verivus.gateway.job.AsyncJobsAvailability;
import com.verivus.gateway.job.JobHealthSource;
import com.verivus.gateway.mcp.ProgressReporter;
import com.verivus.gateway.mcp.ToolCatalog;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessHealthToolTest {

    @TempDir
    Path home;

    private ProcessHealthReport report() {
        GatewayEnvironment env = new GatewayEnvironment(Map.of(), home, home);
        PersistenceConfig cfg = PersistenceConfigLoader.load(env, w -> { });
        return new ProcessHealthReport(cfg, env, JobHealthSource.NONE, AsyncJobsAvailability.decide(cfg, true, null));
    }

    @Test
    void the_result_is_the_reports_pretty_json_as_text_without_structured_content() {
        ProcessHealthReport report = report();
        CallToolResult result = ToolCatalog.invoke(new ProcessHealthTool(report), Map.of(), ProgressReporter.NONE);
        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent()).isNull();
        assertThat(result.content()).singleElement().isInstanceOfSatisfying(TextContent.class,
                t -> assertThat(t.text()).isEqualTo(report.json()));
    }

    @Test
    void it_takes_no_arguments_and_rejects_unknown_ones() {
        CallToolResult result = ToolCatalog.invoke(new ProcessHealthTool(report()), Map.of("verbose", true),
                ProgressReporter.NONE);
        assertThat(result.isError()).isTrue();
        assertThat(((TextContent) result.content().getFirst()).text()).contains("verbose: unknown parameter");
    }

    @Test
    void it_is_named_as_the_node_tool_and_marked_read_only() {
        ProcessHealthTool tool = new ProcessHealthTool(report());
        assertThat(tool.name()).isEqualTo("llm_process_health");
        assertThat(tool.readOnly()).isTrue();
        assertThat(tool.inputSchema().params()).isEmpty();
    }
}
