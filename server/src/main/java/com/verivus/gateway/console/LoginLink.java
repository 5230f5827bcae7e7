package com.verivus.gateway.console;

import java.net.URI;
import java.time.Instant;

/** The console login link for a gateway serving MCP at {@code mcpUrl}: its origin plus {@code /login?code=...}. */
public final class LoginLink {

    private LoginLink() {
    }

    public static String of(String mcpUrl, String token, Instant now) {
        URI u = URI.create(mcpUrl);
        return u.getScheme() + "://" + u.getRawAuthority() + ConsoleRoutes.LOGIN_PATH + "?code="
                + LoginCodes.mint(token, now);
    }
}
