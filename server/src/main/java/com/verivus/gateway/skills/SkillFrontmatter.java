package com.verivus.gateway.skills;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML frontmatter of a SKILL.md: the block between a first line {@code ---} and the next
 * {@code ---}. Only top-level {@code key: value} scalars are read (plain, or in single or double
 * quotes), which is all a skill header carries.
 */
final class SkillFrontmatter {

    private final Map<String, String> values;

    private SkillFrontmatter(Map<String, String> values) {
        this.values = values;
    }

    static SkillFrontmatter parse(String markdown) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return new SkillFrontmatter(values);
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().equals("---")) {
                return new SkillFrontmatter(values);
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")) {
                continue;
            }
            values.put(line.substring(0, colon).strip(), unquote(line.substring(colon + 1).strip()));
        }
        return new SkillFrontmatter(Map.of()); // no closing marker: not frontmatter
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if (first == '"' && last == '"') {
                return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            if (first == '\'' && last == '\'') {
                return value.substring(1, value.length() - 1).replace("''", "'");
            }
        }
        return value;
    }
}
