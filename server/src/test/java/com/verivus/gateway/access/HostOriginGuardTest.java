package com.verivus.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostOriginGuardTest {

    static HostOriginGuard guard(String bindHost, Optional<String> publicUrl, List<String> allowed) {
        return HostOriginGuard.of(bindHost, publicUrl, allowed);
    }

    static Optional<Integer> status(HostOriginGuard g, String host, String origin) {
        return g.check(Optional.ofNullable(host), Optional.ofNullable(origin)).map(HostOriginGuard.Rejection::status);
    }

    @Test
    void loopbackNamesPassOnAnyPort() {
        HostOriginGuard g = guard("127.0.0.1", Optional.empty(), List.of());
        for (String host : List.of("localhost", "localhost:1", "127.0.0.1:3333", "[::1]:8080", "LOCALHOST.", "[::1]")) {
            assertThat(status(g, host, null)).as(host).isEmpty();
        }
        assertThat(status(g, "127.0.0.1:3333", "http://localhost:5173")).isEmpty();
        assertThat(status(g, "127.0.0.1:3333", "https://[::1]")).isEmpty();
    }

    @Test
    void foreignHostIs421AndForeignOriginIs403() {
        HostOriginGuard g = guard("127.0.0.1", Optional.empty(), List.of());
        assertThat(status(g, "evil.example.com", null)).hasValue(421);
        assertThat(status(g, "evil.example.com:3333", "http://evil.example.com:3333")).hasValue(421);
        assertThat(status(g, "localhost:3333", "http://evil.example.com")).hasValue(403);
        assertThat(status(g, "localhost:3333", "null")).hasValue(403);
        assertThat(status(g, "localhost:3333", "not a url")).hasValue(403);
        assertThat(status(g, "127.0.0.2", null)).hasValue(421);
        assertThat(status(g, "user@localhost", null)).hasValue(421);
    }

    @Test
    void requestsWithoutOriginOrHostHeadersPass() {
        HostOriginGuard g = guard("127.0.0.1", Optional.empty(), List.of());
        assertThat(status(g, null, null)).isEmpty();
        assertThat(status(g, "localhost", null)).isEmpty();
    }

    @Test
    void publicUrlHostPassesOnAnyPort() {
        HostOriginGuard g = guard("127.0.0.1", Optional.of("https://MCP.example.com/mcp"), List.of());
        assertThat(status(g, "mcp.example.com", "https://mcp.example.com")).isEmpty();
        assertThat(status(g, "mcp.example.com:8443", null)).isEmpty();
        assertThat(status(g, "example.com", null)).hasValue(421);
    }

    @Test
    void allowListEntriesWithAPortMatchThatPortOnly() {
        HostOriginGuard g = guard("127.0.0.1", Optional.empty(),
                List.of("lan.example:8443", "any.example", "[fd00::1]:9000", "https://proxy.example"));
        assertThat(status(g, "lan.example:8443", "https://lan.example:8443")).isEmpty();
        assertThat(status(g, "lan.example:8444", null)).hasValue(421);
        assertThat(status(g, "localhost", "http://lan.example:80")).hasValue(403);
        assertThat(status(g, "any.example:1", "http://any.example:2")).isEmpty();
        assertThat(status(g, "[fd00::1]:9000", null)).isEmpty();
        assertThat(status(g, "proxy.example", "https://proxy.example")).isEmpty();
        assertThat(status(g, "localhost", "http://proxy.example")).hasValue(403); // URL entries keep their port (443)
    }

    @Test
    void aSpecificNonLoopbackBindHostIsAllowedButAWildcardIsNot() {
        assertThat(status(guard("192.168.1.20", Optional.empty(), List.of()), "192.168.1.20:3333", null)).isEmpty();
        assertThat(status(guard("0.0.0.0", Optional.empty(), List.of()), "0.0.0.0:3333", null)).hasValue(421);
        assertThat(status(guard("::", Optional.empty(), List.of()), "[::]:3333", null)).hasValue(421);
    }
}
