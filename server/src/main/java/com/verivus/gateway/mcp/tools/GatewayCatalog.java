package com.verivus.gateway.mcp.tools;

import com.verivus.gateway.approval.ApprovalGate;
import com.verivus.gateway.changereview.ChangeReviewer;
import com.verivus.gateway.changereview.ChangeSetCapture;
import com.verivus.gateway.changereview.ReceiptLookup;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.doctor.ProviderStatusProbe;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.ProcessHealthReport;
import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.resources.HealthStatusResource;
import com.verivus.gateway.mcp.resources.PerformanceMetricsResource;
import com.verivus.gateway.mcp.resources.ProcessHealthResource;
import com.verivus.gateway.mcp.resources.SkillResource;
import com.verivus.gateway.mcp.tools.approval.ApprovalListTool;
import com.verivus.gateway.mcp.tools.cli.CliUpgradeTool;
import com.verivus.gateway.mcp.tools.cli.CliVersionsTool;
import com.verivus.gateway.mcp.tools.job.ClaudeStreamJsonBlock;
import com.verivus.gateway.mcp.tools.job.JobTools;
import com.verivus.gateway.mcp.tools.models.ListAvailableModelsTool;
import com.verivus.gateway.mcp.tools.models.ListModelsTool;
import com.verivus.gateway.mcp.tools.models.ModelResource;
import com.verivus.gateway.mcp.tools.recorder.RequestResultTool;
import com.verivus.gateway.mcp.tools.request.RequestTools;
import com.verivus.gateway.mcp.tools.session.SessionClearAllTool;
import com.verivus.gateway.mcp.tools.session.SessionCreateTool;
import com.verivus.gateway.mcp.tools.session.SessionDeleteTool;
import com.verivus.gateway.mcp.tools.session.SessionGetTool;
import com.verivus.gateway.mcp.tools.session.SessionListTool;
import com.verivus.gateway.mcp.tools.session.SessionResource;
import com.verivus.gateway.mcp.tools.session.SessionSetActiveTool;
import com.verivus.gateway.mcp.tools.validation.ReviewChangesTool;
import com.verivus.gateway.mcp.tools.validation.ReviewReceiptResource;
import com.verivus.gateway.mcp.tools.validation.ValidationReceiptTool;
import com.verivus.gateway.mcp.tools.validation.ValidationTools;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.process.ChildEnvironment;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import com.verivus.gateway.recorder.FlightRecorder;
import com.verivus.gateway.recorder.PerformanceMetrics;
import com.verivus.gateway.request.RequestPipeline;
import com.verivus.gateway.session.SessionStore;
import com.verivus.gateway.skills.SkillCatalog;
import com.verivus.gateway.store.ReceiptStore;
import com.verivus.gateway.upgrade.MistralInstallDetector;
import com.verivus.gateway.upgrade.UpgradePlanner;
import com.verivus.gateway.upgrade.UpgradeRunner;
import com.verivus.gateway.validation.ProviderRunRecorder;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.VersionProbe;
import com.verivus.gateway.validation.WaitBudget;
import com.verivus.gateway.workspace.WorkingDirectoryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateway's tools, resources and resource templates, assembled from the subsystems the composition
 * root built. Tools are listed in the Node gateway's order: the validation tools (list_available_models
 * sits after synthesize_validation), review_changes and validation_receipt, the sync provider tools, then
 * the async/job block (only when async jobs are enabled), then the always-registered utility tools.
 */
public final class GatewayCatalog {

    /**
     * What the runtime built and the tools serve.
     *
     * @param asyncJobs      whether the async/job tools are registered
     * @param providerRuns   books a flight-recorder row for every provider and judge run of the validation
     *                       tools and review_changes
     * @param receipts       where review_changes keeps its receipts
     * @param sessionHealth  what health://status reports about the session store
     */
    public record Subsystems(GatewayEnvironment env, long syncDeadlineMs, boolean asyncJobs, JobEngine engine,
                             RequestPipeline pipeline, ProviderRunRecorder providerRuns, FlightRecorder recorder,
                             PerformanceMetrics metrics, ProcessHealthReport processHealth, ApprovalGate approvals,
                             SessionStore sessions, Supplier<Map<String, Object>> sessionHealth, ModelRegistry models,
                             WorkingDirectoryPolicy directories, ReceiptStore receipts, SkillCatalog skills) {
    }

    private GatewayCatalog() {
    }

    public static ToolCatalog assemble(Subsystems s) {
        ReceiptLookup receiptLookup = new ReceiptLookup(s.receipts());
        return new ToolCatalog(tools(s, receiptLookup), resources(s), List.of(new ReviewReceiptResource(receiptLookup)));
    }

    private static List<GatewayTool> tools(Subsystems s, ReceiptLookup receiptLookup) {
        WorkspaceParameters workspace = new WorkspaceParameters(s.directories());
        List<GatewayTool> tools = new ArrayList<>();
        ValidationOrchestrator validation = new ValidationOrchestrator(s.engine(), new VersionProbe(s.env()),
                UpstreamContracts::assertArgs, s.providerRuns());
        tools.addAll(ValidationTools.create(validation, WaitBudget.fromSyncDeadlineMs(s.syncDeadlineMs()),
                new ListAvailableModelsTool(s.models()), workspace));
        tools.add(new ReviewChangesTool(changeReviewer(s), s.directories(), s.syncDeadlineMs()));
        tools.add(new ValidationReceiptTool(receiptLookup));
        tools.addAll(RequestTools.sync(s.pipeline(), workspace));
        if (s.asyncJobs()) {
            tools.addAll(RequestTools.async(s.pipeline(), workspace));
            tools.addAll(JobTools.create(s.engine(), new ClaudeStreamJsonBlock()));
        }
        tools.add(new ProcessHealthTool(s.processHealth()));
        tools.add(new ApprovalListTool(s.approvals().log()));
        tools.add(new ListModelsTool(s.models()));
        tools.add(new CliVersionsTool(new ProviderStatusProbe(s.env())));
        tools.add(new UpstreamContractsTool(s.env()));
        tools.add(new CliUpgradeTool(new UpgradePlanner(new MistralInstallDetector(s.env(), Duration.ofSeconds(15))),
                new UpgradeRunner(s.env())));
        tools.add(new SessionCreateTool(s.sessions()));
        tools.add(new SessionListTool(s.sessions()));
        tools.add(new SessionSetActiveTool(s.sessions()));
        tools.add(new SessionDeleteTool(s.sessions()));
        tools.add(new SessionGetTool(s.sessions()));
        tools.add(new SessionClearAllTool(s.sessions()));
        tools.add(new RequestResultTool(s.recorder(), s.engine()));
        return tools;
    }

    private static ChangeReviewer changeReviewer(Subsystems s) {
        ChangeSetCapture capture = new ChangeSetCapture(ChildEnvironment.configured(s.env())
                .inherited(s.env().variables()), ChangeSetCapture.DEFAULT_GIT_TIMEOUT);
        return new ChangeReviewer(s.engine(), new VersionProbe(s.env()), UpstreamContracts::assertArgs, capture,
                s.receipts(), Clock.systemUTC(), s.providerRuns());
    }

    private static List<GatewayResource> resources(Subsystems s) {
        List<GatewayResource> resources = new ArrayList<>();
        resources.addAll(SkillResource.all(s.skills()));
        resources.addAll(SessionResource.all(s.sessions()));
        resources.addAll(ModelResource.all(s.models()));
        resources.add(new PerformanceMetricsResource(s.metrics()));
        resources.add(new ProcessHealthResource(s.processHealth()::jobBody));
        resources.add(new HealthStatusResource(s.sessionHealth()));
        return resources;
    }
}
