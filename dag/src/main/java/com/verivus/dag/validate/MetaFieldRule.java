package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.dag.model.DagDocument;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code [meta]} fields every DAG-TOML kind shares (spec §2.2, §2.5–2.7): schema_version (a semantic
 * version whose major this validator supports), template_kind, and the optional docs, confidentiality,
 * license and embargo_until. Also reports root keys the implementation-dag kind does not define.
 */
final class MetaFieldRule implements DagRule {

    /** The highest spec major this validator implements (the spec is at 0.1.0). */
    static final int SUPPORTED_MAJOR = 0;

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern RFC3339_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})?)?");
    private static final Set<String> CONFIDENTIALITY =
            Set.of("public", "restricted", "confidential", "trade-secret", "embargoed");

    @Override
    public void check(RuleContext context, Diagnostics out) {
        DagDocument doc = context.document();
        doc.root().properties().forEach(e -> {
            String key = e.getKey();
            if (!DagDocument.KIND_ROOT_KEYS.contains(key) && !key.startsWith("_") && !key.startsWith("x-")
                    && !context.options().consumedRootKeys().contains(key)) {
                out.warn("root key `" + key + "` is not defined by the implementation-dag kind; kept as data, "
                        + "not validated");
            }
        });
        if (!(doc.root().get("meta") instanceof ObjectNode meta)) {
            out.error("no `meta` table found");
            return;
        }
        checkSchemaVersion(meta.get("schema_version"), out);
        JsonNode kind = meta.get("template_kind");
        if (kind == null) {
            out.error("meta: missing required field `template_kind`");
        } else if (!"implementation-dag".equals(kind.asText(null))) {
            out.error("meta.template_kind is `" + PythonText.value(kind) + "` but this validator checks "
                    + "`implementation-dag` documents");
        }
        JsonNode docs = meta.get("docs");
        if (docs != null && !(docs.isTextual() && docs.textValue().startsWith("https://")
                && !docs.textValue().contains("?"))) {
            out.error("meta.docs must be an https:// URL without a query string, got `" + PythonText.value(docs) + "`");
        }
        if (docs != null && docs.asText("").matches("https://github\\.com/verivus-oss/agent-assurance/.*/SPEC\\.md")) {
            // The gateway README links SPEC.md; the file is spec.md and GitHub paths are case-sensitive.
            out.warn("meta.docs links `SPEC.md`, but the agent-assurance spec file is `spec.md` "
                    + "(GitHub paths are case-sensitive)");
        }
        JsonNode confidentiality = meta.get("confidentiality");
        if (confidentiality != null && !CONFIDENTIALITY.contains(confidentiality.asText(""))) {
            out.error("meta.confidentiality `" + PythonText.value(confidentiality) + "` must be one of "
                    + PythonText.list(CONFIDENTIALITY.stream().sorted().toList()));
        }
        JsonNode license = meta.get("license");
        if (license != null && !(license.isTextual() && !license.textValue().isBlank())) {
            out.error("meta.license must be a non-empty string");
        }
        JsonNode embargo = meta.get("embargo_until");
        if (embargo != null && !(embargo.isTextual() && RFC3339_DATE.matcher(embargo.textValue()).matches())) {
            out.error("meta.embargo_until must be an RFC 3339 date, got `" + PythonText.value(embargo) + "`");
        }
        if (confidentiality != null && "embargoed".equals(confidentiality.asText()) && embargo == null) {
            out.error("meta.embargo_until is required when meta.confidentiality = \"embargoed\"");
        }
    }

    private static void checkSchemaVersion(JsonNode version, Diagnostics out) {
        if (version == null) {
            out.error("meta: missing required field `schema_version`");
            return;
        }
        Matcher semver = SEMVER.matcher(version.asText(""));
        if (!version.isTextual() || !semver.matches()) {
            out.error("meta.schema_version `" + PythonText.value(version) + "` is not a semantic version (MAJOR.MINOR.PATCH)");
            return;
        }
        java.math.BigInteger major = new java.math.BigInteger(semver.group(1));
        if (major.compareTo(java.math.BigInteger.valueOf(SUPPORTED_MAJOR)) > 0) {
            out.departure("meta.schema_version `" + version.textValue() + "` has major version " + major
                    + ", but this validator supports major version " + SUPPORTED_MAJOR + " only (SPEC §2.2)");
        }
    }
}
