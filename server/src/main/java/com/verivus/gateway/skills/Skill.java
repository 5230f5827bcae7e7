package com.verivus.gateway.skills;

/**
 * One skill document: how to use part of this gateway, written for the model driving it.
 *
 * @param name the directory name, used in {@code skills://<name>}
 * @param description the frontmatter {@code description}, else the name
 * @param markdown the whole SKILL.md, frontmatter included
 */
public record Skill(String name, String description, String markdown) {
}
