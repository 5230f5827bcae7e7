package com.verivus.gateway.mcp.resources;

import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.skills.Skill;
import com.verivus.gateway.skills.SkillCatalog;
import java.util.List;

/** skills://<name>: one skill document, as markdown. */
public final class SkillResource implements GatewayResource {

    private final Skill skill;

    public SkillResource(Skill skill) {
        this.skill = skill;
    }

    /** One resource per skill in the catalogue, in index order. */
    public static List<GatewayResource> all(SkillCatalog catalog) {
        return catalog.skills().stream().<GatewayResource>map(SkillResource::new).toList();
    }

    @Override
    public String uri() {
        return "skills://" + skill.name();
    }

    @Override
    public String name() {
        return "skill-" + skill.name();
    }

    @Override
    public String title() {
        return skill.name();
    }

    @Override
    public String description() {
        return skill.description();
    }

    @Override
    public String mimeType() {
        return "text/markdown";
    }

    @Override
    public String read() {
        return skill.markdown();
    }
}
