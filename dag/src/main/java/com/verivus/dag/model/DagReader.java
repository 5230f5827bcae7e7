package com.verivus.dag.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads DAG-TOML text into a {@link DagDocument}. Dates stay strings, as the spec's validators see them. */
public final class DagReader {

    private static final TomlMapper TOML = new TomlMapper();

    private DagReader() {
    }

    public static DagDocument read(Path file) throws DagReadException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DagReadException("file not found: " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new DagReadException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Reads a document shipped on the class path (the isolation DAG inside the jar or JBang build). */
    public static DagDocument readResource(String name) throws DagReadException {
        try (InputStream in = DagReader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new DagReadException("resource not found on the class path: " + name, null);
            }
            return parse("classpath:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DagReadException("cannot read resource " + name + ": " + e.getMessage(), e);
        }
    }

    public static DagDocument parse(String source, String text) throws DagReadException {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            throw new DagReadException("invalid TOML: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            // An empty file parses to an empty table, so anything else is a parser surprise.
            throw new DagReadException("invalid TOML: the document is not a table", null);
        }
        return new DagDocument(source, object);
    }
}
