package com.verivus.gateway.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** One GET of a gateway's {@code /healthz} (unauthenticated by design), with a short bound. */
public final class HealthCheck {

    /** What /healthz said. */
    public record Answer(int status, String body) {
        /** The gateway's own answer: 200 with {@code "ok":true}. */
        public boolean healthy() {
            return status == 200 && body.replace(" ", "").contains("\"ok\":true");
        }
    }

    private HealthCheck() {
    }

    public static Optional<Answer> get(String healthUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try (client) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl)).timeout(timeout).GET().build();
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Answer(r.statusCode(), r.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** http://host:port/healthz for an MCP URL such as http://host:port/mcp. */
    public static String healthUrlOf(String mcpUrl) {
        URI u = URI.create(mcpUrl);
        return u.getScheme() + "://" + u.getRawAuthority() + "/healthz";
    }
}
