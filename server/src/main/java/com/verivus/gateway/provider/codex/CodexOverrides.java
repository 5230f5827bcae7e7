package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.ProviderRequestException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code -c key=value} overrides: the client's configOverrides (keys {@code ^[a-zA-Z0-9._]+$}, values
 * without CR/LF), and the ones the adapter writes for settings today's {@code codex exec} has no flag for.
 */
final class CodexOverrides {

    static final Pattern KEY = Pattern.compile("^[a-zA-Z0-9._]+$");

    private CodexOverrides() {
    }

    static void validate(Map<String, String> overrides) {
        if (overrides == null) {
            return;
        }
        overrides.forEach((k, v) -> {
            if (k == null || !KEY.matcher(k).matches()) {
                throw new ProviderRequestException("Invalid configOverrides key \"" + k
                        + "\": keys must match /^[a-zA-Z0-9._]+$/");
            }
            if (v == null || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                throw new ProviderRequestException("Invalid configOverrides value for \"" + k
                        + "\": values must not contain carriage returns or newlines");
            }
        });
    }

    /** A TOML string override, e.g. approval_policy="never" (codex parses the value as TOML). */
    static String quoted(String key, String value) {
        return key + "=\"" + value + "\"";
    }

    static void rejectUntrusted(CodexApprovalPolicy policy) {
        if (policy == CodexApprovalPolicy.UNTRUSTED) {
            throw new ProviderRequestException("askForApproval \"untrusted\" is no longer supported by the Codex CLI "
                    + "(approval_policy = \"untrusted\" was removed); use \"on-request\" or \"never\"");
        }
    }
}
