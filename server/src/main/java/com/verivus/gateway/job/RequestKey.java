package com.verivus.gateway.job;

import com.verivus.gateway.json.JsJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The dedup key of a request, bit-compatible with the Node gateway so keys match rows it wrote:
 * sha256 (hex) of the UTF-8 bytes of {@code JSON.stringify({cli, args, extra})}, where extra is ""
 * without environment variables and otherwise {@code JSON.stringify} of the [name, value] pairs
 * sorted by name (UTF-16 code unit order, as JavaScript compares strings). A request run in a chosen
 * working directory adds a fourth key, {@code "cwd"}, so the same prompt in two repositories is two
 * jobs; without one the text, and so the key, is exactly the Node gateway's.
 */
public final class RequestKey {

    private RequestKey() {
    }

    public static String of(String cli, List<String> args, Map<String, String> env) {
        return of(cli, args, env, null);
    }

    /** @param workingDir null: the gateway's own working directory (the Node gateway's key) */
    public static String of(String cli, List<String> args, Map<String, String> env, Path workingDir) {
        return sha256Hex(canonicalJson(cli, args, env, workingDir));
    }

    /** The exact JSON text that is hashed. */
    public static String canonicalJson(String cli, List<String> args, Map<String, String> env) {
        return canonicalJson(cli, args, env, null);
    }

    /** The exact JSON text that is hashed, with the working directory when there is one. */
    public static String canonicalJson(String cli, List<String> args, Map<String, String> env, Path workingDir) {
        StringBuilder json = new StringBuilder();
        json.append("{\"cli\":");
        JsJson.appendString(json, cli);
        json.append(",\"args\":");
        JsJson.appendStringArray(json, args);
        json.append(",\"extra\":");
        JsJson.appendString(json, extra(env));
        if (workingDir != null) {
            json.append(",\"cwd\":");
            JsJson.appendString(json, workingDir.toString());
        }
        json.append('}');
        return json.toString();
    }

    static String extra(Map<String, String> env) {
        if (env == null) {
            return "";
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getValue() != null) {
                entries.add(e);
            }
        }
        if (entries.isEmpty()) {
            return "";
        }
        entries.sort(Map.Entry.comparingByKey());
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('[');
            JsJson.appendString(json, entries.get(i).getKey());
            json.append(',');
            JsJson.appendString(json, entries.get(i).getValue());
            json.append(']');
        }
        return json.append(']').toString();
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(Sha256.fresh().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Copies of one SHA-256 digest: no provider lookup per key. */
    private static final class Sha256 {
        private static final MessageDigest PROTOTYPE = create();

        private static MessageDigest create() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is always available", e);
            }
        }

        static MessageDigest fresh() {
            try {
                return (MessageDigest) PROTOTYPE.clone();
            } catch (CloneNotSupportedException e) {
                return create();
            }
        }
    }
}
