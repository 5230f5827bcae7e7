package com.verivus.dag.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one top-level .gitignore, matched the way git matches them (last match wins,
 * {@code !} re-includes, a leading or inner {@code /} anchors to the repository root, a trailing
 * {@code /} matches directories only, {@code *}, {@code ?}, {@code [..]} and {@code **} globs, and a
 * file inside an ignored directory cannot be re-included). It answers "does the committed .gitignore
 * cover this path?", which is what the gates ask; git itself (global excludes and all) is consulted
 * separately when the repository is a git work tree.
 */
final class GitignoreRules {

    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly, String line) {
    }

    private final List<Rule> rules = new ArrayList<>();

    GitignoreRules(List<String> lines) {
        for (String raw : lines) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            if (negated) {
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean directoryOnly = line.endsWith("/");
            if (directoryOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            String regex = (anchored ? "" : "(?:.*/)?") + glob(line);
            rules.add(new Rule(Pattern.compile(regex), negated, directoryOnly, raw));
        }
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\r')
                && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < pattern.length() && pattern.charAt(i + 2) == '/';
                regex.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 1);
                if (close < 0) {
                    regex.append("\\[");
                } else {
                    String body = pattern.substring(i + 1, close).replace("\\", "\\\\");
                    regex.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                    i = close;
                }
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /**
     * Whether the repository-relative path (slash-separated) is ignored. Every leading directory is
     * checked first, because git never looks inside an ignored directory.
     */
    boolean ignores(String relativePath, boolean isDirectory) {
        String[] parts = relativePath.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(parts[i]);
            boolean directory = i < parts.length - 1 || isDirectory;
            if (matches(prefix.toString(), directory)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String path, boolean directory) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (rule.directoryOnly && !directory) {
                continue;
            }
            if (rule.pattern.matcher(path).matches()) {
                ignored = !rule.negated;
            }
        }
        return ignored;
    }
}
