package com.verivus.gateway.doctor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a login was checked.
 *
 * @param method          {@code cli} (a status command), {@code credential_store} (files / env keys) or
 *                        {@code not_checked}
 * @param command         the status command run, or null
 * @param credentialStore {@code present}, {@code not_found} or {@code not_checked}
 * @param detail          one sanitized sentence for a person
 */
public record LoginCheck(String method, List<String> command, String credentialStore, String detail) {

    public LoginCheck {
        command = command == null ? null : List.copyOf(command);
    }

    public static LoginCheck notChecked(String detail) {
        return new LoginCheck("not_checked", null, "not_checked", detail);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("command", command);
        m.put("credential_store", credentialStore);
        m.put("detail", detail);
        return m;
    }
}
