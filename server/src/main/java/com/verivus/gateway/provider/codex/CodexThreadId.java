package com.verivus.gateway.provider.codex;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Codex thread id of a finished run, for {@link com.verivus.gateway.provider.SessionAction.RecordUpstreamSessionId}:
 * the {@code thread.started} event of {@code --json} output, else the "session id: <id>" line of the
 * header codex exec prints (to stderr) in text mode.
 */
public final class CodexThreadId {

    private static final Pattern HEADER = Pattern.compile("(?m)^\\s*session id:\\s*([0-9A-Za-z][0-9A-Za-z._-]*)\\s*$");

    private CodexThreadId() {
    }

    public static Optional<String> find(String stdout, String stderr) {
        String fromJson = CodexJsonlParser.parse(stdout).threadId();
        if (fromJson != null && !fromJson.isBlank()) {
            return Optional.of(fromJson);
        }
        for (String text : new String[] {stderr, stdout}) {
            if (text == null) {
                continue;
            }
            Matcher m = HEADER.matcher(text);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
