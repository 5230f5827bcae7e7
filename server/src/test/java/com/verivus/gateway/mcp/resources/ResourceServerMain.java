package com.verivus.gateway.mcp.resources;

import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.ServerInstructions;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.stdio.StdioGateway;
import com.verivus.gateway.skills.SkillCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stdio MCP server carrying only this branch's resources (the skills and metrics://process-health
 * with a job-health supplier that counts its reads), for {@link ResourcesOverMcpTest} to drive with
 * the SDK's own client until the resources are wired into the gateway runtime.
 */
public final class ResourceServerMain {

    public static void main(String[] args) throws Exception {
        SkillCatalog skills = SkillCatalog.fromClasspath();
        AtomicInteger reads = new AtomicInteger();
        List<GatewayResource> resources = new ArrayList<>(SkillResource.all(skills));
        resources.add(new ProcessHealthResource(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("runningJobs", reads.incrementAndGet());
            body.put("deadJobs", 0);
            body.put("zombieJobs", 0);
            body.put("jobs", List.of());
            return body;
        }));
        StdioGateway.serveProcessStdio(new ToolCatalog(List.of(), resources),
                ServerInstructions.text(45_000, true, skills.instructionLines()));
    }
}
