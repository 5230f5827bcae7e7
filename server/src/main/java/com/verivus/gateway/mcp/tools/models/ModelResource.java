package com.verivus.gateway.mcp.tools.models;

import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.provider.CliName;
import java.util.ArrayList;
import java.util.List;

/** {@code models://<cli>}: one CLI's registry entry, with the Node gateway's names and titles. */
public final class ModelResource implements GatewayResource {

    private final ModelRegistry registry;
    private final CliName cli;

    private ModelResource(ModelRegistry registry, CliName cli) {
        this.registry = registry;
        this.cli = cli;
    }

    /** One resource per CLI, in CliName order. */
    public static List<GatewayResource> all(ModelRegistry registry) {
        List<GatewayResource> resources = new ArrayList<>();
        for (CliName cli : CliName.values()) {
            resources.add(new ModelResource(registry, cli));
        }
        return resources;
    }

    @Override
    public String uri() {
        return "models://" + cli.key();
    }

    @Override
    public String name() {
        return cli.key() + "-models";
    }

    @Override
    public String title() {
        return switch (cli) {
            case CLAUDE -> "🧠 Claude Models";
            case CODEX -> "🔧 Codex Models";
            case GEMINI -> "🌟 Gemini Models";
            case GROK -> "⚡ Grok Models";
            case MISTRAL -> "🌬 Mistral Models";
        };
    }

    @Override
    public String description() {
        return switch (cli) {
            case CLAUDE -> "Claude models and capabilities";
            case CODEX -> "Codex models and capabilities";
            case GEMINI -> "Gemini models and capabilities";
            case GROK -> "Grok models and capabilities";
            case MISTRAL -> "Mistral Vibe models and capabilities";
        };
    }

    @Override
    public String read() {
        return ToolResults.pretty(registry.cliInfo(cli).toJson());
    }
}
