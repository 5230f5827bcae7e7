package com.verivus.gateway.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JBang directives of an entry script ({@code gateway.java}, ...): its //DEPS and //SOURCES. */
record EntryScript(Path file, List<Coordinate> deps, List<String> sources) {

    static EntryScript read(Path file) throws IOException {
        List<Coordinate> deps = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("//DEPS ")) {
                for (String token : line.substring("//DEPS ".length()).trim().split("[\\s,]+")) {
                    if (!token.isEmpty()) {
                        deps.add(parse(token));
                    }
                }
            } else if (line.startsWith("//SOURCES ")) {
                for (String token : line.substring("//SOURCES ".length()).trim().split("\\s+")) {
                    if (!token.isEmpty()) {
                        sources.add(token);
                    }
                }
            }
        }
        return new EntryScript(file, List.copyOf(deps), List.copyOf(sources));
    }

    /** JBang's form: groupId:artifactId[:version[:classifier]][@type]. */
    static Coordinate parse(String token) {
        String type = null;
        int at = token.indexOf('@');
        String gav = token;
        if (at >= 0) {
            type = token.substring(at + 1);
            gav = token.substring(0, at);
        }
        String[] parts = gav.split(":");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a dependency: " + token);
        }
        String version = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        return new Coordinate(parts[0], parts[1], version, "pom".equals(type));
    }
}
