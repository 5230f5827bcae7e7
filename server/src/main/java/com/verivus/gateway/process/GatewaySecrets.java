package com.verivus.gateway.process;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gateway's own credentials among its environment variables: what opens the gateway (the bearer token)
 * or its stores (database and cache URLs, DSNs). A CLI, and whatever the CLI runs on a prompt's behalf,
 * needs none of them, so they never reach a child's environment.
 */
final class GatewaySecrets {

    static final String AUTH_TOKEN = "LLM_GATEWAY_AUTH_TOKEN";

    /** Read by the gateway as credentials (the Node gateway's Postgres/Redis session manager reads the URLs). */
    private static final Set<String> NAMES = Set.of(AUTH_TOKEN, "DATABASE_URL", "REDIS_URL");

    /**
     * The gateway's variables are all {@code LLM_GATEWAY_*}; any of them named like a credential is one, so a
     * setting added later (a Postgres DSN, a Redis URL) is covered without touching this list.
     */
    private static final Pattern SECRET_NAMED = Pattern.compile(
            "LLM_GATEWAY_\\w*(TOKEN|SECRET|PASSWORD|PASSWD|DSN|CREDENTIALS?|DATABASE_URL|REDIS_URL|_KEY)\\w*");

    private GatewaySecrets() {
    }

    /**
     * True for a secret of the gateway: a listed name, a credential-named {@code LLM_GATEWAY_*} variable, an
     * {@code LLM_GATEWAY_*} URL that carries a password, or any variable holding the auth token's value (a copy
     * under another name is the same secret).
     */
    static boolean isSecret(String name, String value, Map<String, String> gatewayVariables) {
        if (NAMES.contains(name) || SECRET_NAMED.matcher(name).matches()) {
            return true;
        }
        if (name.startsWith("LLM_GATEWAY_") && hasPassword(value)) {
            return true;
        }
        String token = gatewayVariables.get(AUTH_TOKEN);
        return token != null && !token.isEmpty() && token.equals(value);
    }

    /** {@code scheme://user:password@host...}: the form DSNs and database URLs carry a password in. */
    static boolean hasPassword(String value) {
        if (value == null || !value.contains("://") || !value.contains("@")) {
            return false;
        }
        try {
            String userInfo = URI.create(value.trim()).getRawUserInfo();
            return userInfo != null && userInfo.contains(":");
        } catch (IllegalArgumentException e) {
            // not a parseable URL; judge by shape so that a malformed DSN with a password is still caught
            int scheme = value.indexOf("://");
            int at = value.indexOf('@', scheme);
            return at > 0 && value.substring(scheme + 3, at).contains(":");
        }
    }
}
