package com.verivus.dag.isolation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** The JSON form of a {@link RunReport}, with the field names [policy.evidence] prescribes. */
public final class RunReportJson {

    private RunReportJson() {
    }

    public static ObjectNode of(RunReport report) {
        ObjectNode root = JsonText.MAPPER.createObjectNode();
        root.put("tool", "isolate");
        root.put("dag", report.dag());
        root.put("dag_title", report.dagTitle());
        root.put("repo", report.repo());
        root.put("dry_run", report.dryRun());
        root.put("success", report.success());
        root.put("exit_code", report.exitCode());
        root.put("started_at", report.startedAt().toString());
        root.put("finished_at", report.finishedAt().toString());
        ArrayNode problems = root.putArray("problems");
        report.problems().forEach(problems::add);
        ArrayNode units = root.putArray("units");
        for (UnitRecord unit : report.units()) {
            ObjectNode u = units.addObject();
            u.put("unit_id", unit.unitId());
            u.put("name", unit.name());
            u.put("status", unit.status());
            u.put("changed", unit.changed());
            unit.artefactPaths().forEach(u.putArray("artefact_paths")::add);
            unit.stdoutTail().forEach(u.putArray("stdout_tail")::add);
            if (unit.verificationQuote() == null) {
                u.putNull("verification_quote");
            } else {
                u.put("verification_quote", unit.verificationQuote());
            }
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.addObject().put("gate_id", finding.gateId()).put("unit_id", finding.unitId())
                    .put("observed", finding.observed()).put("expected", finding.expected())
                    .put("remediation", finding.remediation());
        }
        ObjectNode gates = root.putObject("gates");
        report.gates().forEach(gates::put);
        ArrayNode notRun = root.putArray("not_run");
        report.notRun().forEach(n -> notRun.addObject().put("unit_id", n.unitId()).put("name", n.name())
                .put("reason", n.reason()));
        return root;
    }

    public static void write(RunReport report, Path file) throws IOException {
        AtomicFile.write(file.toAbsolutePath(), JsonText.pretty(of(report)));
    }
}
