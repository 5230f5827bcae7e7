package com.verivus.gateway.provider.contract;

import com.verivus.gateway.provider.CliName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What probing the installed CLI found: whether it is on PATH, its version, which help commands were
 * read, which contract flags the help does not mention, and warnings (timeouts, failures, hidden flags).
 */
public record ProbeResult(CliName cli, String executable, boolean available, String version,
                          List<String> checkedHelpCommands, List<String> missingFlags, List<String> warnings) {

    public ProbeResult {
        checkedHelpCommands = List.copyOf(checkedHelpCommands);
        missingFlags = List.copyOf(missingFlags);
        warnings = List.copyOf(warnings);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cli", cli.key());
        m.put("executable", executable);
        m.put("available", available);
        m.put("version", version);
        m.put("checkedHelpCommands", checkedHelpCommands);
        m.put("missingFlags", missingFlags);
        m.put("warnings", warnings);
        return m;
    }
}
