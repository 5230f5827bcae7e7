package com.verivus.gateway.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.HttpBinding;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointExposureTest {

    @TempDir
    Path home;

    private Map<String, Object> report(Map<String, String> vars, PublicUrlVerifier verifier) {
        GatewayEnvironment env = new GatewayEnvironment(vars, home, home);
        return EndpointExposure.report(env, HttpBinding.from(env), verifier);
    }

    private static final PublicUrlVerifier NEVER = url -> {
        throw new AssertionError("the public URL must not be probed here: " + url);
    };

    @ParameterizedTest(name = "bind {0}, public URL \"{1}\", tunnel env \"{2}\" -> {3}")
    @CsvSource(nullValues = "-", value = {
            "-, -, -, local_only",
            "127.0.0.1, -, -, local_only",
            "localhost, -, -, local_only",
            "0.0.0.0, -, -, lan",
            "::, -, -, lan",
            "192.168.1.20, -, -, lan",
            "10.0.0.5, -, -, lan",
            "172.16.0.1, -, -, lan",
            "172.31.255.1, -, -, lan",
            "172.32.0.1, -, -, local_only",
            "fd12:3456::1, -, -, lan",
            "fe80::1, -, -, lan",
            "::ffff:192.168.0.1, -, -, lan",
            "-, not a url, -, misconfigured",
            "-, localhost:3333, -, misconfigured",
            "-, https://localhost/mcp, -, local_only",
            "-, https://127.0.0.2/mcp, -, local_only",
            "-, https://[::1]/mcp, -, local_only",
            "-, http://[::ffff:7f00:1]/mcp, -, local_only",
            "-, https://0.0.0.0/mcp, -, local_only",
            "-, https://192.168.1.9/mcp, -, lan",
            "-, https://[fd00::5]/mcp, -, lan",
            "-, http://gw.example.com/mcp, -, misconfigured",
            "-, http://abc.trycloudflare.com/mcp, -, misconfigured",
            "-, https://abc.trycloudflare.com/mcp, -, tunnel",
            "-, https://abc.ngrok-free.app/mcp, -, tunnel",
            "-, https://abc.ngrok.app/mcp, -, tunnel",
            "-, https://abc.ngrok.io/mcp, -, tunnel",
            "-, https://box.tail1234.ts.net/mcp, -, tunnel",
            "-, https://gw.example.com/mcp, -, byo_reverse_proxy",
            "-, https://gw.example.com/mcp, frp, tunnel"})
    void classifiesTheEndpoint(String host, String publicUrl, String tunnel, String mode) {
        Map<String, String> vars = new HashMap<>();
        if (host != null) {
            vars.put("LLM_GATEWAY_HTTP_HOST", host);
        }
        if (publicUrl != null) {
            vars.put("LLM_GATEWAY_PUBLIC_URL", publicUrl);
        }
        if (tunnel != null) {
            vars.put("LLM_GATEWAY_TUNNEL_PROVIDER", tunnel);
        }
        Map<String, Object> r = report(vars, NEVER);
        assertThat(r.get("mode")).isEqualTo(mode);
        assertThat(r.get("https_required_for_web")).isEqualTo(true);
        assertThat(r.get("reachable_from_web")).isEqualTo("not_checked");
        assertThat(r.get("web_clients_supported")).isEqualTo(false);
        DoctorReportSchemaCheck.exposure(r);
    }

    @Test
    void theBlockSchemaCheckCatchesABadBlock() {
        Map<String, Object> bad = new HashMap<>(report(Map.of(), NEVER));
        bad.put("mode", "public");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DoctorReportSchemaCheck.exposure(bad))
                .isInstanceOf(AssertionError.class).hasMessageContaining("endpointExposure schema violations");
    }

    @Test
    void localUrlUsesLoopbackForWildcardBindsAndBracketsIpv6() {
        assertThat(report(Map.of("LLM_GATEWAY_HTTP_HOST", "0.0.0.0", "LLM_GATEWAY_HTTP_PORT", "4000"), NEVER)
                .get("local_url")).isEqualTo("http://127.0.0.1:4000/mcp");
        assertThat(report(Map.of("LLM_GATEWAY_HTTP_HOST", "::1", "LLM_GATEWAY_HTTP_PATH", "/x"), NEVER)
                .get("local_url")).isEqualTo("http://[::1]:3333/x");
    }

    @Test
    void noPublicUrlSuggestsStayingLocal() {
        Map<String, Object> r = report(Map.of(), NEVER);
        assertThat(r.get("public_url_configured")).isEqualTo(false);
        assertThat(r.get("public_url")).isNull();
        assertThat(r.get("tunnel_provider")).isNull();
        assertThat(r.get("next_actions")).isEqualTo(List.of(EndpointExposure.NOT_CONFIGURED_ACTION));
    }

    @Test
    void nextActionsFollowTheMode() {
        assertThat(report(Map.of("LLM_GATEWAY_PUBLIC_URL", "https://localhost/mcp"), NEVER).get("next_actions"))
                .isEqualTo(List.of(EndpointExposure.LOCAL_PUBLIC_URL_ACTION));
        assertThat(report(Map.of("LLM_GATEWAY_PUBLIC_URL", "http://gw.example.com/mcp"), NEVER).get("next_actions"))
                .isEqualTo(List.of(EndpointExposure.HTTPS_ACTION, EndpointExposure.VERIFY_ACTION));
        Map<String, Object> tunnel = report(Map.of("LLM_GATEWAY_PUBLIC_URL", "https://a.trycloudflare.com/mcp"), NEVER);
        assertThat(tunnel.get("next_actions")).isEqualTo(List.of(EndpointExposure.VERIFY_ACTION));
        assertThat(tunnel.get("tunnel_provider")).isEqualTo("a.trycloudflare.com");
        assertThat(tunnel.get("https_configured")).isEqualTo(true);
    }

    @Test
    void verificationOfALocalPublicUrlNeverProbes() {
        Map<String, Object> r = report(Map.of("LLM_GATEWAY_PUBLIC_URL", "https://192.168.0.4/mcp",
                "LLM_GATEWAY_VERIFY_PUBLIC_URL", "1"), NEVER);
        assertThat(r.get("reachable_from_web")).isEqualTo("unreachable");
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) r.get("verification");
        assertThat(v.get("method")).isEqualTo("not_checked");
        assertThat(v.get("error")).isEqualTo(EndpointExposure.LOCAL_VERIFY_ERROR);
    }

    @Test
    void verificationOnlyWhenAskedWithExactlyOne() {
        AtomicInteger probes = new AtomicInteger();
        PublicUrlVerifier counting = url -> {
            probes.incrementAndGet();
            return new PublicUrlVerifier.Result(200, null);
        };
        report(Map.of("LLM_GATEWAY_PUBLIC_URL", "https://gw.example.com/mcp",
                "LLM_GATEWAY_VERIFY_PUBLIC_URL", "true"), counting);
        assertThat(probes).hasValue(0);
        Map<String, Object> r = report(Map.of("LLM_GATEWAY_PUBLIC_URL", "https://u:p@gw.example.com/mcp?token=abc",
                "LLM_GATEWAY_VERIFY_PUBLIC_URL", "1"), counting);
        assertThat(probes).hasValue(1);
        assertThat(r.get("reachable_from_web")).isEqualTo("reachable");
        assertThat(r.get("web_clients_supported")).isEqualTo(true);
        assertThat(r.get("next_actions")).isEqualTo(List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) r.get("verification");
        assertThat(v.get("method")).isEqualTo("http_head");
        assertThat(v.get("status_code")).isEqualTo(200);
        assertThat(v.get("checked_url")).isEqualTo("https://<redacted>:<redacted>@gw.example.com/mcp?token=<redacted>");
        assertThat(r.get("public_url")).isEqualTo(v.get("checked_url"));
    }

    @Test
    void anUnreachablePublicUrlAsksToFixRouting() {
        Map<String, Object> r = report(Map.of("LLM_GATEWAY_PUBLIC_URL", "https://gw.example.com/mcp",
                "LLM_GATEWAY_VERIFY_PUBLIC_URL", "1"), url -> new PublicUrlVerifier.Result(502, null));
        assertThat(r.get("reachable_from_web")).isEqualTo("unreachable");
        assertThat(r.get("web_clients_supported")).isEqualTo(false);
        assertThat(r.get("next_actions")).isEqualTo(List.of(EndpointExposure.UNREACHABLE_ACTION));
    }

    @Test
    void theHttpVerifierSendsAHeadRequestAndJudgesTheStatus() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> methods = new ArrayList<>();
        server.createContext("/", exchange -> {
            methods.add(exchange.getRequestMethod());
            int status = switch (exchange.getRequestURI().getPath()) {
                case "/mcp" -> 405;
                case "/gone" -> 404;
                case "/broken" -> 502;
                default -> 200;
            };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            PublicUrlVerifier http = PublicUrlVerifier.http();
            assertThat(http.head(base + "/mcp")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(405);
                assertThat(r.reachable()).isTrue();
            });
            assertThat(http.head(base + "/gone").reachable()).isFalse();
            assertThat(http.head(base + "/broken").reachable()).isFalse();
            assertThat(methods).containsOnly("HEAD");
        } finally {
            server.stop(0);
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PublicUrlVerifier.Result refused = PublicUrlVerifier.http().head("http://127.0.0.1:" + closedPort + "/mcp");
        assertThat(refused.statusCode()).isNull();
        assertThat(refused.error()).isNotBlank();
        assertThat(refused.reachable()).isFalse();
    }

    @Test
    void theHttpVerifierGivesUpAfterThreeSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) { // accepts (backlog) but never answers
            long start = System.nanoTime();
            PublicUrlVerifier.Result r = PublicUrlVerifier.http().head("http://127.0.0.1:" + silent.getLocalPort() + "/");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.reachable()).isFalse();
            assertThat(r.error()).isEqualTo("Endpoint verification timed out.");
            assertThat(ms).isBetween(2_500L, 6_000L);
        }
    }
}
