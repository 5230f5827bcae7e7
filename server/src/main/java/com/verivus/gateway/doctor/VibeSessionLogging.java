package com.verivus.gateway.doctor;

import com.verivus.gateway.config.GatewayEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether Mistral Vibe keeps session logs (which {@code mistral_request} needs to continue or resume
 * a session): a minimal read of {@code ~/.vibe/config.toml} for {@code [session_logging] enabled =
 * true} or a top-level {@code session_logging.enabled = true}. Read-only; the file is never changed.
 */
public record VibeSessionLogging(Path configPath, boolean configPresent, boolean enabled, String note) {

    public static final String ENABLE_COMMAND = "vibe config set session_logging.enabled true";
    private static final Pattern SECTION = Pattern.compile("^\\[\\s*([A-Za-z0-9_.\"-]+)\\s*]$");
    private static final Pattern ENABLED = Pattern.compile("^enabled\\s*=\\s*(.+)$");
    private static final Pattern DOTTED = Pattern.compile("^session_logging\\.enabled\\s*=\\s*(.+)$");

    public static VibeSessionLogging probe(GatewayEnvironment env) {
        Path config = env.home().resolve(".vibe/config.toml");
        if (!Files.isRegularFile(config)) {
            return new VibeSessionLogging(config, false, false, "No ~/.vibe/config.toml, so Vibe session logging is "
                    + "not known to be on; mistral_request cannot continue or resume sessions until it is. Run: "
                    + ENABLE_COMMAND);
        }
        String text;
        try {
            text = Files.readString(config);
        } catch (IOException e) {
            return new VibeSessionLogging(config, true, false, "Could not read ~/.vibe/config.toml ("
                    + e.getMessage() + "); check its permissions.");
        }
        if (enabled(text)) {
            return new VibeSessionLogging(config, true, true,
                    "Vibe session logging is on; mistral_request can continue and resume sessions.");
        }
        return new VibeSessionLogging(config, true, false, "Vibe session logging is off in ~/.vibe/config.toml; "
                + "mistral_request cannot continue or resume sessions until it is on. Run: " + ENABLE_COMMAND);
    }

    static boolean enabled(String toml) {
        boolean inSection = false;
        boolean topLevel = true; // a dotted key counts only before any [table] header, as TOML reads it
        for (String raw : toml.split("\\R")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                inSection = section.group(1).equals("session_logging");
                topLevel = false;
                continue;
            }
            Matcher kv = (inSection ? ENABLED : DOTTED).matcher(line);
            if ((inSection || topLevel) && kv.matches()) {
                return kv.group(1).strip().toLowerCase(Locale.ROOT).equals("true");
            }
        }
        return false;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config_path", configPath.toString());
        m.put("config_present", configPresent);
        m.put("session_logging_enabled", enabled);
        m.put("note", note);
        return m;
    }
}
