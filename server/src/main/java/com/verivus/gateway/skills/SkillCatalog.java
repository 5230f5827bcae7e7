package com.verivus.gateway.skills;

import com.verivus.gateway.log.GatewayLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The skill documents shipped with the gateway, read from the classpath. A classpath cannot be listed
 * portably (a jar, JBang's build, a directory), so {@code llm-cli-gateway/skills/index.txt} names the
 * skills, one per line; each lives in {@code llm-cli-gateway/skills/<name>/SKILL.md}.
 */
public final class SkillCatalog {

    public static final String ROOT = "llm-cli-gateway/skills/";
    public static final String INDEX = ROOT + "index.txt";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final List<Skill> skills;

    private SkillCatalog(List<Skill> skills) {
        this.skills = List.copyOf(skills);
    }

    /** The skills shipped in this build. */
    public static SkillCatalog fromClasspath() {
        return load(path -> {
            try (InputStream in = SkillCatalog.class.getClassLoader().getResourceAsStream(path)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Loads the index and every skill it names through {@code read} (resource path to text, empty when
     * absent). A missing index gives no skills; a listed skill that is missing or misnamed is skipped
     * with a warning.
     */
    public static SkillCatalog load(Function<String, Optional<String>> read) {
        Optional<String> index = read.apply(INDEX);
        if (index.isEmpty()) {
            GatewayLog.debug("no " + INDEX + " on the classpath; no skills:// resources");
            return new SkillCatalog(List.of());
        }
        List<Skill> skills = new ArrayList<>();
        for (String line : index.get().split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                GatewayLog.warn("skills index: ignoring invalid skill name '" + name + "'");
                continue;
            }
            if (skills.stream().anyMatch(s -> s.name().equals(name))) {
                continue;
            }
            Optional<String> markdown = read.apply(ROOT + name + "/SKILL.md");
            if (markdown.isEmpty()) {
                GatewayLog.warn("skills index names '" + name + "' but " + ROOT + name + "/SKILL.md is missing");
                continue;
            }
            String description = SkillFrontmatter.parse(markdown.get()).get("description").orElse(name);
            skills.add(new Skill(name, description, markdown.get()));
        }
        return new SkillCatalog(skills);
    }

    public List<Skill> skills() {
        return skills;
    }

    public Optional<Skill> find(String name) {
        return skills.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The {@code - skills://<name> — <description>} lines for the server instructions. */
    public List<String> instructionLines() {
        return skills.stream().map(s -> "- skills://" + s.name() + " — " + s.description()).toList();
    }
}
