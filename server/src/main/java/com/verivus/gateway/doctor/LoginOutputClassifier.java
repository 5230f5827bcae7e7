package com.verivus.gateway.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a login-status command's output. A JSON object with a boolean {@code loggedIn} (claude
 * {@code auth status --json}) or a similar flag decides first; then text: negative phrases win over
 * positive ones, because "not logged in" contains "logged in".
 */
final class LoginOutputClassifier {

    private static final ObjectMapper JSON = NodeJson.MAPPER;
    private static final List<String> FLAGS =
            List.of("loggedIn", "logged_in", "authenticated", "isAuthenticated", "is_authenticated", "signedIn");
    // Unlike the Node gateway's pattern, "not authenticated" / "not authorized" without "in" count too.
    private static final Pattern NEGATIVE = Pattern.compile(
            "not\\s+(?:logged\\s*in|signed\\s*in|authenticated|authorized)|unauthenticated|login required"
                    + "|no credentials|logged\\s*out|signed\\s*out",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "logged\\s*in|signed\\s*in|authenticated|authorized|using chatgpt|auth store", Pattern.CASE_INSENSITIVE);

    private LoginOutputClassifier() {
    }

    static LoginStatus classify(String stdout, String stderr) {
        Optional<Boolean> flag = jsonFlag(stdout);
        if (flag.isPresent()) {
            return flag.get() ? LoginStatus.AUTHENTICATED : LoginStatus.NOT_AUTHENTICATED;
        }
        String text = stdout + "\n" + stderr;
        if (NEGATIVE.matcher(text).find()) {
            return LoginStatus.NOT_AUTHENTICATED;
        }
        if (POSITIVE.matcher(text).find()) {
            return LoginStatus.AUTHENTICATED;
        }
        return LoginStatus.UNKNOWN;
    }

    private static Optional<Boolean> jsonFlag(String stdout) {
        String s = stdout.strip();
        if (!s.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(s);
            for (String name : FLAGS) {
                JsonNode v = node.get(name);
                if (v != null && v.isBoolean()) {
                    return Optional.of(v.booleanValue());
                }
            }
        } catch (Exception e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
