package com.verivus.dag.isolation;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code GET /process-health} with the bearer token: the gateway's llm_process_health report over HTTP. */
final class ProcessHealthClient {

    /** @param body the response text, verbatim */
    record Response(int status, String body) {
    }

    private ProcessHealthClient() {
    }

    static Response fetch(GatewayEndpoint endpoint, Duration timeout) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.processHealth()).timeout(timeout)
                    .header("Accept", "application/json").GET();
            if (endpoint.token() != null && !endpoint.token().isEmpty()) {
                request.header("Authorization", "Bearer " + endpoint.token());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new IOException("connection refused by " + endpoint.processHealth(), e);
        }
    }
}
