package com.verivus.gateway.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Models seen in the Gemini CLI's local chat history ({@code <root>/<project>/chats/*.json}): the
 * values of {@code model}, {@code modelName} and {@code modelId} keys. Only the newest files are read,
 * and big files are skipped, so a large history cannot slow a listing down.
 */
final class GeminiHistory {

    static final int DEFAULT_MAX_FILES = 200;
    static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;
    private static final int MAX_MODELS_PER_FILE = 20;
    private static final Pattern MODEL_KEY = Pattern.compile("\"model(?:Name|Id)?\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)?)");

    /** A model and the newest history file that names it. */
    record Observation(String model, String lastSeen, long lastSeenMs, String filePath) {
    }

    private record Candidate(Path file, String shownPath, long mtimeMs) {
    }

    private GeminiHistory() {
    }

    /**
     * @param shownRoot the root as configured (file paths in the result are built from it)
     * @param root the same root resolved against the working directory
     * @return newest version first, then most recently seen
     */
    static List<Observation> scan(String shownRoot, Path root, int maxFiles, long maxFileBytes) {
        if (!Files.exists(root)) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Path project : list(root)) {
            if (!isDirectoryEntry(project)) {
                continue;
            }
            Path chats = project.resolve("chats");
            if (!Files.exists(chats)) {
                continue;
            }
            for (Path file : list(chats)) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".json")) {
                    continue;
                }
                try {
                    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isRegularFile() && attrs.size() <= maxFileBytes) {
                        String shown = Path.of(shownRoot).resolve(project.getFileName().toString())
                                .resolve("chats").resolve(name).toString();
                        candidates.add(new Candidate(file, shown, attrs.lastModifiedTime().toMillis()));
                    }
                } catch (IOException e) {
                    // vanished or unreadable: skip it
                }
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::mtimeMs).reversed());
        Map<String, Observation> seen = new LinkedHashMap<>();
        for (Candidate c : candidates.subList(0, Math.min(maxFiles, candidates.size()))) {
            for (String model : modelsIn(c.file())) {
                Observation existing = seen.get(model);
                if (c.mtimeMs() > (existing == null ? 0 : existing.lastSeenMs())) {
                    seen.put(model, new Observation(model, date(c.mtimeMs()), c.mtimeMs(), c.shownPath()));
                }
            }
        }
        List<Observation> observations = new ArrayList<>(seen.values());
        observations.sort(Comparator.comparingDouble((Observation o) -> version(o.model())).reversed()
                .thenComparing(Comparator.comparingLong(Observation::lastSeenMs).reversed()));
        return observations;
    }

    /** The first number in a model name (2.5 in gemini-2.5-pro); 0 when there is none. */
    static double version(String model) {
        Matcher m = VERSION.matcher(model);
        if (!m.find()) {
            return 0;
        }
        try {
            return Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> modelsIn(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        try {
            JsonNode root = EnvModelList.STRICT_JSON.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new IOException("empty");
            }
            collect(root, found);
        } catch (IOException e) {
            // not JSON (a partly written file, say): pick the values out of the text instead
            Matcher m = MODEL_KEY.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found.stream().filter(CliInfoDraft::isValidModelName).limit(MAX_MODELS_PER_FILE).toList();
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (found.size() >= MAX_MODELS_PER_FILE) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, found));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                boolean modelKey = key.equals("model") || key.equals("modelName") || key.equals("modelId");
                if (modelKey && e.getValue().isTextual()) {
                    found.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), found);
                }
            }
        }
    }

    private static boolean isDirectoryEntry(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        // readdir order is not guaranteed; sort for a stable result
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }

    private static String date(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
