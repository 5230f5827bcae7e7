package com.verivus.dag.isolation;

import java.io.PrintWriter;

/** The readable summary of a run, for stderr. */
public final class RunSummary {

    private RunSummary() {
    }

    public static void print(RunReport report, PrintWriter err) {
        String verdict = report.success() ? (report.dryRun() ? "DRY RUN OK (nothing written)" : "ISOLATED")
                : "FAILED";
        err.println();
        err.println("isolate: " + verdict + " - " + report.dagTitle() + " for " + report.repo());
        report.problems().forEach(p -> err.println("  problem: " + p));
        for (UnitRecord unit : report.units()) {
            err.println("  " + unit.unitId() + " " + pad(unit.name(), 58) + " " + unit.status()
                    + (unit.changed() ? (report.dryRun() ? " (would change " : " (changed ")
                            + String.join(", ", unit.artefactPaths()) + ")" : " (no change)"));
        }
        for (RunReport.NotRun skipped : report.notRun()) {
            err.println("  " + skipped.unitId() + " " + pad(skipped.name(), 58) + " not run: " + skipped.reason());
        }
        report.gates().forEach((gate, verdictOfGate) -> err.println("  gate " + pad(gate, 32) + " " + verdictOfGate));
        for (Finding finding : report.findings()) {
            err.println("  FINDING " + finding.gateId() + (finding.unitId() == null ? "" : " (" + finding.unitId() + ")"));
            err.println("    observed:    " + finding.observed());
            err.println("    expected:    " + finding.expected());
            err.println("    remediation: " + finding.remediation());
        }
        err.flush();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
