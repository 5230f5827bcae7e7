package com.verivus.gateway.doctor;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.HttpBinding;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the HTTP endpoint reaches (§8.3): local only, the LAN, a tunnel, a reverse proxy, or
 * misconfigured, judged from the bind host and {@code LLM_GATEWAY_PUBLIC_URL}. Advisory only: it
 * never stops a gateway from starting. The public URL is probed only when
 * {@code LLM_GATEWAY_VERIFY_PUBLIC_URL=1}, and never when it points at this machine or the LAN.
 */
public final class EndpointExposure {

    public static final String NOT_CONFIGURED_ACTION =
            "Keep using local stdio/CLI clients, or configure an HTTPS tunnel before web-client setup.";
    public static final String LOCAL_PUBLIC_URL_ACTION = "Set LLM_GATEWAY_PUBLIC_URL to a public HTTPS tunnel or "
            + "reverse-proxy URL, not localhost or a LAN address.";
    public static final String HTTPS_ACTION =
            "Use an HTTPS public URL before configuring ChatGPT, Claude web, or Grok web connectors.";
    public static final String VERIFY_ACTION =
            "Set LLM_GATEWAY_VERIFY_PUBLIC_URL=1 to have doctor check public endpoint reachability.";
    public static final String UNREACHABLE_ACTION =
            "Fix tunnel/proxy routing until the public MCP URL is reachable, then rerun doctor --json.";
    public static final String LOCAL_VERIFY_ERROR = "Public URL points to localhost or a private LAN address.";

    private static final List<Pattern> TUNNEL_HOSTS = List.of(
            Pattern.compile("cloudflare", Pattern.CASE_INSENSITIVE),
            Pattern.compile("trycloudflare\\.com$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("ngrok(?:-free)?\\.app$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("ngrok\\.io$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("ts\\.net$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("tailscale", Pattern.CASE_INSENSITIVE));
    private static final Pattern MAPPED_DOTTED = Pattern.compile("^::ffff:(\\d{1,3}(?:\\.\\d{1,3}){3})$");
    private static final Pattern MAPPED_HEX = Pattern.compile("^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$");

    /** The five exposure modes. */
    public enum Mode {
        LOCAL_ONLY, LAN, TUNNEL, BYO_REVERSE_PROXY, MISCONFIGURED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private EndpointExposure() {
    }

    public static Map<String, Object> report(GatewayEnvironment env, HttpBinding binding, PublicUrlVerifier verifier) {
        String rawPublic = env.get("LLM_GATEWAY_PUBLIC_URL").orElse("");
        String redactedPublic = UrlRedaction.redact(rawPublic);
        boolean configured = redactedPublic != null;
        boolean https = rawPublic.startsWith("https://");
        String tunnel = env.nonBlank("LLM_GATEWAY_TUNNEL_PROVIDER").orElseGet(() -> inferTunnel(rawPublic).orElse(null));
        Mode mode = classify(binding.host(), rawPublic, tunnel != null, https);
        boolean localish = mode == Mode.LOCAL_ONLY || mode == Mode.LAN;

        String method = "not_checked";
        Integer status = null;
        String error = null;
        String reachable = "not_checked";
        if (configured && "1".equals(env.get("LLM_GATEWAY_VERIFY_PUBLIC_URL").orElse(null))) {
            if (localish) {
                error = LOCAL_VERIFY_ERROR;
                reachable = "unreachable";
            } else {
                PublicUrlVerifier.Result r = verifier.head(rawPublic);
                method = "http_head";
                status = r.statusCode();
                error = r.error() == null ? null : UrlRedaction.redact(r.error());
                reachable = r.reachable() ? "reachable" : "unreachable";
            }
        }
        List<String> actions = new ArrayList<>();
        if (!configured) {
            actions.add(NOT_CONFIGURED_ACTION);
        } else if (localish) {
            actions.add(LOCAL_PUBLIC_URL_ACTION);
        } else if (!https) {
            actions.add(HTTPS_ACTION);
        }
        if (configured && !localish) {
            if (method.equals("not_checked")) {
                actions.add(VERIFY_ACTION);
            } else if (reachable.equals("unreachable")) {
                actions.add(UNREACHABLE_ACTION);
            }
        }
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("method", method);
        verification.put("checked_url", redactedPublic);
        verification.put("status_code", status);
        verification.put("error", error);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.key());
        m.put("local_url", binding.localUrl());
        m.put("public_url_configured", configured);
        m.put("public_url", redactedPublic);
        m.put("https_required_for_web", true);
        m.put("https_configured", https);
        m.put("web_clients_supported", configured && https && !localish && reachable.equals("reachable"));
        m.put("tunnel_provider", tunnel);
        m.put("reachable_from_web", reachable);
        m.put("verification", verification);
        m.put("next_actions", actions);
        return m;
    }

    /** The mode for a bind host and a raw public URL (empty when none). */
    public static Mode classify(String bindHost, String rawPublicUrl, boolean tunnelProvider, boolean https) {
        if (rawPublicUrl == null || rawPublicUrl.isEmpty()) {
            String h = normalize(bindHost);
            return h.equals("0.0.0.0") || h.equals("::") || isPrivate(h) ? Mode.LAN : Mode.LOCAL_ONLY;
        }
        Optional<String> host = publicHost(rawPublicUrl);
        if (host.isEmpty()) {
            return Mode.MISCONFIGURED;
        }
        if (isLoopback(host.get())) {
            return Mode.LOCAL_ONLY;
        }
        if (isPrivate(host.get())) {
            return Mode.LAN;
        }
        if (!https) {
            return Mode.MISCONFIGURED;
        }
        return tunnelProvider ? Mode.TUNNEL : Mode.BYO_REVERSE_PROXY;
    }

    /** localhost, 0.0.0.0, ::, ::1, 127.0.0.0/8, and their IPv4-mapped IPv6 forms. */
    public static boolean isLoopback(String host) {
        String h = normalize(host);
        Optional<String> mapped = mappedIpv4(h);
        if (mapped.isPresent()) {
            return isLoopback(mapped.get());
        }
        return h.equals("localhost") || h.equals("0.0.0.0") || h.equals("::") || h.equals("::1") || h.startsWith("127.");
    }

    /** 10/8, 172.16/12, 192.168/16, fc00::/7, fe80::/10 (and IPv4-mapped forms). */
    public static boolean isPrivate(String host) {
        String h = normalize(host);
        Optional<String> mapped = mappedIpv4(h);
        if (mapped.isPresent()) {
            return isPrivate(mapped.get());
        }
        return h.startsWith("10.") || h.startsWith("192.168.") || h.matches("^172\\.(1[6-9]|2\\d|3[01])\\..*")
                || h.matches("^f[cd][0-9a-f]{2}:.*") || h.startsWith("fe80:");
    }

    private static Optional<String> inferTunnel(String rawPublicUrl) {
        return publicHost(rawPublicUrl).filter(h -> TUNNEL_HOSTS.stream().anyMatch(p -> p.matcher(h).find()));
    }

    private static Optional<String> publicHost(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            String host = new URI(raw).getHost();
            return host == null || host.isEmpty() ? Optional.empty() : Optional.of(normalize(host));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    private static Optional<String> mappedIpv4(String h) {
        Matcher dotted = MAPPED_DOTTED.matcher(h);
        if (dotted.matches()) {
            return Optional.of(dotted.group(1));
        }
        Matcher hex = MAPPED_HEX.matcher(h);
        if (hex.matches()) {
            int high = Integer.parseInt(hex.group(1), 16);
            int low = Integer.parseInt(hex.group(2), 16);
            return Optional.of((high >> 8 & 255) + "." + (high & 255) + "." + (low >> 8 & 255) + "." + (low & 255));
        }
        return Optional.empty();
    }
}
