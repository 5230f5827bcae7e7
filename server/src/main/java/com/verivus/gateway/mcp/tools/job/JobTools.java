package com.verivus.gateway.mcp.tools.job;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.mcp.GatewayTool;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The four job tools, registered only when the engine has a store (async jobs enabled). */
public final class JobTools {

    private JobTools() {
    }

    /** llm_job_status, llm_job_result, llm_job_cancel (the Node gateway's order), then llm_job_watch. */
    public static List<GatewayTool> create(JobEngine engine, Function<String, Map<String, Object>> streamJsonParser) {
        return List.of(new JobStatusTool(engine), new JobResultTool(engine, streamJsonParser),
                new JobCancelTool(engine), new JobWatchTool(engine));
    }
}
