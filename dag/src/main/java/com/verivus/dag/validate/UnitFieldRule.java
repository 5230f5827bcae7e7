package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Required unit fields and their vocabularies (reference validator step 1, plus type checks on lists). */
final class UnitFieldRule implements DagRule {

    static final List<String> REQUIRED =
            List.of("name", "summary", "layer", "tier", "status", "depends_on", "blocks", "estimated_loc");
    static final List<String> STATUSES = List.of("blocked", "deferred", "done", "in_progress", "pending");
    private static final List<String> STRING_LISTS =
            List.of("depends_on", "blocks", "files_modify", "files_create", "produces", "consumes");
    private static final Set<String> STRINGS = Set.of("name", "summary");
    private static final Pattern ID = Pattern.compile("U\\d+[a-z]?");

    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Map.Entry<String, JsonNode> entry : context.units().entrySet()) {
            String uid = entry.getKey();
            JsonNode unit = entry.getValue();
            if (!unit.isObject()) {
                out.error(uid + ": a unit must be a table, got " + PythonText.value(unit));
                continue;
            }
            if (!ID.matcher(uid).matches()) {
                out.warn(uid + ": unit id does not match the ontology pattern U<digits>[a-z] (e.g. U01, U07a)");
            }
            for (String field : REQUIRED) {
                if (!unit.has(field)) {
                    out.error(uid + ": missing required field `" + field + "`");
                }
            }
            JsonNode status = unit.get("status");
            if (status != null && !(status.isTextual() && STATUSES.contains(status.textValue()))) {
                out.error(uid + ": invalid status `" + PythonText.value(status) + "` (must be one of "
                        + PythonText.list(STATUSES) + ")");
            }
            JsonNode tier = unit.get("tier");
            if (tier != null && context.graph().tier(uid) == null) {
                out.error(uid + ": invalid tier `" + PythonText.value(tier) + "` (must be 1, 2, or 3)");
            }
            JsonNode layer = unit.get("layer");
            if (layer != null && context.graph().layer(uid) == null) {
                out.error(uid + ": layer must be a non-negative integer");
            }
            JsonNode loc = unit.get("estimated_loc");
            if (loc != null && !(loc.isIntegralNumber() && loc.bigIntegerValue().signum() >= 0
                    && loc.canConvertToLong())) {
                out.error(uid + ": estimated_loc must be a non-negative integer");
            }
            for (String field : STRINGS) {
                JsonNode value = unit.get(field);
                if (value != null && !value.isTextual()) {
                    out.error(uid + ": " + field + " must be a string");
                }
            }
            for (String field : STRING_LISTS) {
                JsonNode value = unit.get(field);
                if (value != null && !isStringArray(value)) {
                    out.error(uid + ": " + field + " must be an array of strings");
                }
            }
        }
    }

    private static boolean isStringArray(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
