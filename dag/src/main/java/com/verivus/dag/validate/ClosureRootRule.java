package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC §12.1 and §12.8: a root-level {@code closure_root = "<algo>:<hex>"} over the sorted source-hash
 * records; a self-contained document carries the digest of nothing. TOML itself guarantees that a
 * root-level key stands before the first {@code [table]} header, so "present at the root" is "in
 * the right position"; a {@code closure_root} found inside a table is reported as misplaced.
 * Profile-pinned closure records (§12.8.1) need a profile registry and are not checked here.
 */
final class ClosureRootRule implements DagRule {

    static final String EMPTY_SHA256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final Map<String, Integer> HEX_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);
    private static final Map<String, String> JAVA_NAMES =
            Map.of("sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");
    private static final Pattern SHAPE = Pattern.compile("([a-z0-9]+):([0-9a-f]+)");
    private static final Pattern SOURCE_SHA = Pattern.compile("sha256:[0-9a-f]{64}");

    @Override
    public void check(RuleContext context, Diagnostics out) {
        JsonNode value = context.document().root().get("closure_root");
        if (value == null) {
            context.document().root().properties().forEach(e -> {
                if (e.getValue().isObject() && e.getValue().has("closure_root")) {
                    out.error("`closure_root` must be a root-level key before the first [table] header, "
                            + "but it is inside `[" + e.getKey() + "]` (SPEC §12.1)");
                }
            });
            out.departure("missing required root-level `closure_root` field (SPEC §12.1); self-contained "
                    + "documents MUST use the empty-closure sentinel `" + EMPTY_SHA256 + "`");
            return;
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            out.error("`closure_root` must be a non-empty string, got " + PythonText.value(value));
            return;
        }
        String text = value.textValue();
        Matcher shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            out.error("`closure_root` must match `<algo>:<lowercase-hex-digest>` (SPEC §12.1), got `" + text + "`");
            return;
        }
        String algo = shape.group(1);
        if (algo.equals("md5") || algo.equals("sha1")) {
            out.error("`closure_root` uses forbidden weak digest algorithm `" + algo
                    + "`; SPEC §12.1 forbids MD5 and SHA-1");
            return;
        }
        Integer length = HEX_LENGTHS.get(algo);
        if (length == null) {
            out.error("`closure_root` uses unknown digest algorithm `" + algo
                    + "`; allowed: ['sha256', 'sha384', 'sha512']");
            return;
        }
        if (shape.group(2).length() != length) {
            out.error("`closure_root` digest hex length is " + shape.group(2).length() + " chars; algorithm `"
                    + algo + "` requires " + length);
            return;
        }
        List<String> records = new ArrayList<>();
        JsonNode source = context.document().root().path("provenance").get("source_sha256");
        if (source != null) {
            if (!source.isTextual() || !SOURCE_SHA.matcher(source.textValue()).matches()) {
                out.error("`[provenance].source_sha256`, when present, must match `sha256:<64 lowercase hex chars>`");
                return;
            }
            records.add("provenance.source_sha256 " + source.textValue() + "\n");
        }
        String expected = digest(algo, records);
        if (!expected.equals(text)) {
            out.error(records.isEmpty()
                    ? "self-contained documents MUST use the canonical empty-closure sentinel `" + expected
                            + "`; got `" + text + "`"
                    : "`closure_root` does not match SPEC §12.8 source-hash closure: expected `" + expected
                            + "` from " + records.size() + " canonical source-hash input(s), got `" + text + "`");
        }
    }

    private static String digest(String algo, List<String> records) {
        if (records.isEmpty() && algo.equals("sha256")) {
            return EMPTY_SHA256; // the common case; spares a cold CLI run the security-provider start-up
        }
        try {
            MessageDigest md = MessageDigest.getInstance(JAVA_NAMES.get(algo));
            records.stream().sorted().forEach(r -> md.update(r.getBytes(StandardCharsets.UTF_8)));
            return algo + ":" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algo, e);
        }
    }
}
