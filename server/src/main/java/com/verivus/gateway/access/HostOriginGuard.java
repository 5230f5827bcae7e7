package com.verivus.gateway.access;

import com.verivus.gateway.log.GatewayLog;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DNS-rebinding protection: a browser page on a foreign site must not reach the gateway through a
 * hostname that resolves to loopback. Allowed hosts are the loopback names (any port), the host of
 * {@code LLM_GATEWAY_PUBLIC_URL} (any port), the configured {@code host[:port]} allow-list, and the
 * bind host when it is a specific non-loopback address. A bad {@code Origin} gets 403 and a bad
 * {@code Host} 421, as the MCP SDK's own validator answers. A request without {@code Origin} comes
 * from a non-browser client and passes the Origin check.
 */
public final class HostOriginGuard {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");
    private static final Set<String> WILDCARD = Set.of("0.0.0.0", "::", "[::]");

    /** A refused request: HTTP status and the message for the {@code {"error":...}} body. */
    public record Rejection(int status, String message) {
    }

    /** One allowed host; {@code port} -1 matches any port. */
    record HostPattern(String host, int port) {
        boolean matches(HostAndPort actual) {
            return host.equals(actual.host()) && (port < 0 || actual.port() < 0 || port == actual.port());
        }
    }

    /** A parsed authority: lower-case host without brackets or trailing dot, port -1 when absent. */
    record HostAndPort(String host, int port) {
    }

    private final List<HostPattern> allowed;

    HostOriginGuard(List<HostPattern> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /**
     * @param bindHost     the address the server listens on (a non-loopback, non-wildcard one is accepted too)
     * @param publicUrl    LLM_GATEWAY_PUBLIC_URL: its host is accepted
     * @param allowedHosts LLM_GATEWAY_ALLOWED_HOSTS entries, {@code host[:port]}
     */
    public static HostOriginGuard of(String bindHost, Optional<String> publicUrl, List<String> allowedHosts) {
        List<HostPattern> patterns = new ArrayList<>();
        for (String name : LOOPBACK) {
            patterns.add(new HostPattern(name, -1));
        }
        publicUrl.ifPresent(url -> {
            Optional<String> host = publicHost(url);
            if (host.isPresent()) {
                patterns.add(new HostPattern(host.get(), -1));
            } else {
                GatewayLog.warn("LLM_GATEWAY_PUBLIC_URL is not a URL with a host; its host is not allowed: " + url);
            }
        });
        for (String entry : allowedHosts) {
            Optional<HostAndPort> parsed = parseEntry(entry);
            if (parsed.isPresent()) {
                patterns.add(new HostPattern(parsed.get().host(), parsed.get().port()));
            } else {
                GatewayLog.warn("Ignoring allowed-hosts entry that is not host[:port]: " + entry);
            }
        }
        String bind = normalize(bindHost);
        if (!LOOPBACK.contains(bind) && !WILDCARD.contains(bindHost.trim())) {
            patterns.add(new HostPattern(bind, -1));
        }
        return new HostOriginGuard(patterns);
    }

    /** {@link #check(Optional, Optional)} on a request's {@code Host} and {@code Origin} headers. */
    public Optional<Rejection> check(Headers headers) {
        return check(headers.first(HeaderNames.HOST), headers.first(HeaderNames.ORIGIN));
    }

    /** Empty when both headers are acceptable; Host is checked first (421), then Origin (403). */
    public Optional<Rejection> check(Optional<String> hostHeader, Optional<String> originHeader) {
        if (hostHeader.isPresent()) {
            Optional<HostAndPort> host = parseAuthority(hostHeader.get());
            if (host.isEmpty() || !isAllowed(host.get())) {
                return Optional.of(new Rejection(421, "Host not allowed"));
            }
        }
        if (originHeader.isPresent()) {
            Optional<HostAndPort> origin = parseOrigin(originHeader.get());
            if (origin.isEmpty() || !isAllowed(origin.get())) {
                return Optional.of(new Rejection(403, "Origin not allowed"));
            }
        }
        return Optional.empty();
    }

    boolean isAllowed(HostAndPort candidate) {
        for (HostPattern p : allowed) {
            if (p.matches(candidate)) {
                return true;
            }
        }
        return false;
    }

    List<HostPattern> patterns() {
        return allowed;
    }

    /** {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port}; also accepts a URL. */
    static Optional<HostAndPort> parseEntry(String entry) {
        String e = entry.trim();
        if (e.contains("://")) {
            return parseOrigin(e);
        }
        return parseAuthority(e);
    }

    static Optional<HostAndPort> parseAuthority(String authority) {
        String a = authority.trim();
        if (a.isEmpty() || a.contains("/") || a.contains("@") || a.contains(" ")) {
            return Optional.empty();
        }
        String host;
        int port = -1;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = a.substring(1, close);
            String rest = a.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Optional.empty();
                }
                port = parsePort(rest.substring(1));
                if (port < 0) {
                    return Optional.empty();
                }
            }
        } else {
            int colon = a.indexOf(':');
            if (colon >= 0 && a.indexOf(':', colon + 1) >= 0) {
                host = a; // a bare IPv6 literal in an allow-list entry
            } else if (colon >= 0) {
                host = a.substring(0, colon);
                port = parsePort(a.substring(colon + 1));
                if (port < 0) {
                    return Optional.empty();
                }
            } else {
                host = a;
            }
        }
        host = normalize(host);
        return host.isEmpty() ? Optional.empty() : Optional.of(new HostAndPort(host, port));
    }

    /** An Origin header ({@code scheme://host[:port]}); {@code null} and opaque origins are refused. */
    static Optional<HostAndPort> parseOrigin(String origin) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            if (port < 0) {
                port = switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
                    case "http", "ws" -> 80;
                    case "https", "wss" -> 443;
                    default -> -1;
                };
            }
            return Optional.of(new HostAndPort(normalize(uri.getHost()), port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> publicHost(String url) {
        try {
            URI uri = new URI(url);
            return Optional.ofNullable(uri.getHost()).map(HostOriginGuard::normalize).filter(h -> !h.isEmpty());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int parsePort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int p = Integer.parseInt(s);
        return p <= 65_535 ? p : -1;
    }

    private static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
