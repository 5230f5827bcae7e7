package com.verivus.gateway.doctor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Checks that a public MCP URL answers from here (doctor only, and only when asked). */
@FunctionalInterface
public interface PublicUrlVerifier {

    Duration TIMEOUT = Duration.ofSeconds(3);

    /** A HEAD request's status code, or the error that prevented one. */
    record Result(Integer statusCode, String error) {
        /** Something that is an MCP endpoint answered: any status below 500 except 404. */
        public boolean reachable() {
            return statusCode != null && statusCode < 500 && statusCode != 404;
        }
    }

    Result head(String url);

    /** A HEAD request through java.net.http, 3 s bound for connect and response, redirects not followed. */
    static PublicUrlVerifier http() {
        return url -> {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            try (client) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("Accept", "application/json, text/event-stream").build();
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                return new Result(response.statusCode(), null);
            } catch (java.net.http.HttpTimeoutException e) {
                return new Result(null, "Endpoint verification timed out.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(null, "Endpoint verification was interrupted.");
            } catch (Exception e) {
                String message = e.getMessage();
                return new Result(null, message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
            }
        };
    }
}
