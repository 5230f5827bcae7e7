package com.verivus.gateway.cli;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.console.LoginCodes;
import com.verivus.gateway.console.LoginLink;
import com.verivus.gateway.lifecycle.AuthToken;
import com.verivus.gateway.lifecycle.GatewayFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;

/** The {@code console:} line of {@code gateway start} and {@code gateway status}: a fresh one-time login link. */
final class ConsoleLoginLine {

    private ConsoleLoginLine() {
    }

    static void print(PrintWriter out, GatewayEnvironment env, String mcpUrl) {
        Optional<AuthToken> token;
        try {
            token = AuthToken.find(env, GatewayFiles.of(env));
        } catch (IOException e) {
            return; // no token readable: no link to offer
        }
        token.ifPresent(t -> out.println("  console: " + LoginLink.of(mcpUrl, t.value(), Instant.now())
                + " (one-time, valid " + LoginCodes.LIFETIME.toMinutes() + " min)"));
    }
}
