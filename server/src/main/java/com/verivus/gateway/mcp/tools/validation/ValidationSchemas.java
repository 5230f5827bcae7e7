package com.verivus.gateway.mcp.tools.validation;

import static com.verivus.gateway.mcp.tools.validation.OutputSchema.arrayOf;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.bool;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.constant;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.described;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.integer;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.nullable;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.nullableInteger;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.nullableString;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.object;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.oneOf;
import static com.verivus.gateway.mcp.tools.validation.OutputSchema.string;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.validation.ResultStatus;
import com.verivus.gateway.validation.RunStatus;
import com.verivus.gateway.validation.SynthesisStatus;
import com.verivus.gateway.validation.ValidationConfidence;
import com.verivus.gateway.validation.ValidationIntent;
import com.verivus.gateway.validation.ValidationReport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The output schemas of the validation tools: what their structuredContent is. */
final class ValidationSchemas {

    private ValidationSchemas() {
    }

    static Map<String, Object> provider() {
        return oneOf(CliName.keys());
    }

    static Map<String, Object> rawJobReference() {
        return object()
                .prop("jobId", described("Read it with job_status / job_result", string()))
                .prop("correlationId", described("This run's correlation id: llm_request_result returns its "
                        + "flight-recorder row (status, timings, response)", nullableString()))
                .prop("statusTool", constant("job_status"))
                .prop("resultTool", constant("job_result"))
                .build();
    }

    /** A normalized provider result, as the tools return it. */
    static Map<String, Object> normalizedResult() {
        return object()
                .prop("provider", provider())
                .prop("model", described("What the CLI reported for --version; validation jobs use each CLI's "
                        + "default model", nullableString()))
                .prop("status", oneOf(ResultStatus.keys()))
                .prop("verdict", described("The answer's Verdict line, 'answered' without one, 'pending' while "
                        + "running, the job state when it did not complete, 'not_run' when skipped", nullableString()))
                .prop("rationale", nullableString())
                .prop("risks", arrayOf(string()))
                .prop("rawJobReference", nullable(rawJobReference()))
                .prop("error", nullableString())
                .optional("warning", string())
                .build();
    }

    /** What synthesize_validation accepts per item (a result as validate_with_models returned it). */
    static Map<String, Object> normalizedResultInput() {
        return object()
                .prop("provider", provider())
                .optional("model", nullableString())
                .prop("status", oneOf(ResultStatus.keys()))
                .optional("verdict", nullableString())
                .optional("rationale", nullableString())
                .optional("risks", arrayOf(string()))
                .optional("rawJobReference", nullable(object()
                        .prop("jobId", string())
                        .prop("correlationId", string())
                        .prop("statusTool", constant("job_status"))
                        .prop("resultTool", constant("job_result"))
                        .build()))
                .optional("error", nullableString())
                .optional("warning", string())
                .open()
                .build();
    }

    static Map<String, Object> synthesis() {
        return object()
                .prop("status", oneOf(SynthesisStatus.keys()))
                .prop("judgeModel", nullable(provider()))
                .prop("rawJobReference", nullable(rawJobReference()))
                .prop("note", string())
                .prop("result", described("The judge's answer normalized like a reviewer's, once it finished",
                        nullable(normalizedResult())))
                .prop("text", described("The judge's full answer (up to 20000 characters) once it completed",
                        nullableString()))
                .build();
    }

    static Map<String, Object> originalRequest() {
        return object()
                .optional("question", string())
                .optional("content", string())
                .optional("focus", string())
                .optional("riskLevel", oneOf(riskLevels()))
                .build();
    }

    static Map<String, Object> intent() {
        return oneOf(Arrays.stream(ValidationIntent.values()).map(ValidationIntent::key).toList());
    }

    static Map<String, Object> reportContent() {
        Map<String, Object> perModel = object()
                .prop("provider", provider())
                .prop("model", nullableString())
                .prop("status", oneOf(ResultStatus.keys()))
                .prop("verdict", nullableString())
                .prop("rationale", nullableString())
                .prop("risks", arrayOf(string()))
                .prop("jobId", nullableString())
                .prop("correlationId", described("The run's correlation id for llm_request_result", nullableString()))
                .prop("warning", nullableString())
                .prop("error", nullableString())
                .build();
        return runHeader(object())
                .prop("perModelOutputs", arrayOf(perModel))
                .prop("disagreements", object()
                        .prop("hasMaterialDisagreement", bool())
                        .prop("summary", string())
                        .prop("signals", arrayOf(string()))
                        .build())
                .prop("finalRecommendation", string())
                .prop("confidence", oneOf(Arrays.stream(ValidationConfidence.values())
                        .map(ValidationConfidence::key).toList()))
                .prop("limitations", arrayOf(string()))
                .prop("jobIds", arrayOf(string()))
                .prop("synthesis", synthesis())
                .build();
    }

    /** The run's own fields, which the run result and its report's structuredContent both carry. */
    private static OutputSchema.ObjectBuilder runHeader(OutputSchema.ObjectBuilder builder) {
        return builder
                .prop("validationId", string())
                .prop("status", oneOf(RunStatus.keys()))
                .prop("startedAt", string())
                .prop("intent", intent())
                .prop("originalRequest", originalRequest())
                .prop("modelList", arrayOf(provider()));
    }

    static Map<String, Object> run() {
        return runHeader(object()
                .prop("success", described("At least one provider job was started", bool())))
                .prop("results", arrayOf(normalizedResult()))
                .prop("synthesis", synthesis())
                .prop("report", object()
                        .prop("schemaVersion", constant(ValidationReport.SCHEMA_VERSION))
                        .prop("humanReadable", string())
                        .prop("structuredContent", reportContent())
                        .build())
                .prop("next", string())
                .build();
    }

    /** What every validation tool's result starts with: success, its own name and readMostly. */
    private static OutputSchema.ObjectBuilder toolResult(String tool) {
        return object()
                .prop("success", bool())
                .prop("tool", constant(tool))
                .prop("readMostly", bool());
    }

    /** validate_with_models, second_opinion, red_team_review, consensus_check, ask_model. */
    static Map<String, Object> runTool(String tool) {
        return toolResult(tool)
                .prop("report", run())
                .build();
    }

    static Map<String, Object> compareAnswers() {
        return toolResult("compare_answers")
                .prop("comparison", object()
                        .prop("question", string())
                        .prop("answerCount", integer())
                        .prop("checks", arrayOf(string()))
                        .prop("status", constant("local_summary_only"))
                        .prop("note", string())
                        .build())
                .build();
    }

    static Map<String, Object> synthesizeValidation() {
        return toolResult("synthesize_validation")
                .prop("synthesis", synthesis())
                .prop("providerResults", described("The provider results the judge saw, re-read from their jobs",
                        arrayOf(normalizedResult())))
                .build();
    }

    /** A job snapshot (its shape belongs to the job engine, so further fields are allowed). */
    static Map<String, Object> snapshot() {
        return snapshotBuilder().build();
    }

    private static OutputSchema.ObjectBuilder snapshotBuilder() {
        return object()
                .prop("id", string())
                .prop("cli", provider())
                .prop("status", oneOf(Arrays.stream(JobStatus.values()).map(JobStatus::key).toList()))
                .prop("startedAt", string())
                .prop("finishedAt", nullableString())
                .prop("exitCode", nullableInteger())
                .prop("correlationId", nullableString())
                .prop("outputTruncated", bool())
                .prop("stdoutBytes", integer())
                .prop("stderrBytes", integer())
                .prop("error", nullableString())
                .prop("exited", bool())
                .open();
    }

    static Map<String, Object> jobStatus() {
        return object()
                .prop("success", bool())
                .optional("job", snapshot())
                .optional("error", string())
                .optional("jobId", string())
                .build();
    }

    static Map<String, Object> jobResult() {
        Map<String, Object> result = snapshotBuilder()
                .prop("stdout", string())
                .prop("stderr", string())
                .prop("stdoutTruncated", bool())
                .prop("stderrTruncated", bool())
                .build();
        return object()
                .prop("success", bool())
                .optional("result", result)
                .optional("normalized", nullable(normalizedResult()))
                .optional("error", string())
                .optional("jobId", string())
                .build();
    }

    static List<String> riskLevels() {
        return List.of("normal", "high");
    }
}
