package com.verivus.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Reads the gateway's TOML config text into a tree. The mapper is made on first use, not when a loader class is
 * initialised: most starts have no config file, and then the start does not wait for Jackson's class
 * initialisation (which the cold-start primer runs on the other core meanwhile) before it opens the stores.
 */
final class ConfigToml {

    private ConfigToml() {
    }

    private static final class Mapper {
        static final TomlMapper TOML = new TomlMapper();
    }

    /** @throws com.fasterxml.jackson.core.JsonProcessingException when the text is not valid TOML */
    static JsonNode readTree(String text) throws java.io.IOException {
        return Mapper.TOML.readTree(text);
    }
}
