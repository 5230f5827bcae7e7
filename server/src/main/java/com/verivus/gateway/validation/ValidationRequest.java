package com.verivus.gateway.validation;

import com.verivus.gateway.provider.CliName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One validation run as a tool asked for it.
 *
 * @param question the question (validate, ask_model) or the original question of a second opinion; may be null
 * @param content the answer, plan or claim under review (second_opinion, red_team, consensus); may be null
 * @param focus what reviewers should pay attention to (validate); null = the default focus
 * @param riskLevel review intensity of a red-team run (normal, high); null otherwise
 * @param providers the providers to ask, in the caller's order; duplicates are dropped
 * @param judge the provider that synthesizes the completed results, or null for no judge
 * @param workingDir where every provider and the judge run, already checked; null = the gateway's own
 */
public record ValidationRequest(ValidationIntent intent, String question, String content, String focus,
                                String riskLevel, List<CliName> providers, CliName judge, Path workingDir) {

    public ValidationRequest(ValidationIntent intent, String question, String content, String focus,
                             String riskLevel, List<CliName> providers, CliName judge) {
        this(intent, question, content, focus, riskLevel, providers, judge, null);
    }

    /** The same run in {@code dir} (null: the gateway's own working directory). */
    public ValidationRequest inDirectory(Path dir) {
        return new ValidationRequest(intent, question, content, focus, riskLevel, providers, judge, dir);
    }

    public static final String DEFAULT_FOCUS = "correctness, missing assumptions, and practical next steps";

    public ValidationRequest {
        Objects.requireNonNull(intent, "intent");
        providers = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(providers, "providers")));
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a validation run needs at least one provider");
        }
    }

    /** What a judge is told the run was about: the question, else the content under review. */
    public String subject() {
        return question != null && !question.isBlank() ? question : content == null ? "" : content;
    }

    /** {question?, content?, focus?, riskLevel?}: only the fields the tool was given. */
    public Map<String, Object> originalRequest() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (question != null) {
            m.put("question", question);
        }
        if (content != null) {
            m.put("content", content);
        }
        if (focus != null) {
            m.put("focus", focus);
        }
        if (riskLevel != null) {
            m.put("riskLevel", riskLevel);
        }
        return m;
    }

    /** The provider keys in request order (the report's modelList). */
    public List<String> providerKeys() {
        List<String> keys = new ArrayList<>();
        for (CliName cli : providers) {
            keys.add(cli.key());
        }
        return keys;
    }
}
