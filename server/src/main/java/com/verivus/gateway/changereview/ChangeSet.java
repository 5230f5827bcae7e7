package com.verivus.gateway.changereview;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One captured change set: the canonical artifact the reviewers see, and what it covers.
 *
 * @param root          the repository root, canonical (real path)
 * @param baseCommit    the commit the committed part starts from; null when it starts from the empty tree
 *                      (a repository with one commit) or when committed changes were not included
 * @param headCommit    HEAD, or null in a repository without commits
 * @param included      the parts captured, in artifact order
 * @param artifact      the canonical text (UTF-8); the repository path is not part of it, so the same
 *                      change set hashes the same in any clone
 * @param sha256        lowercase hex SHA-256 of the artifact's UTF-8 bytes
 * @param binaryFiles   files whose content is binary: listed in the artifact, not inlined
 */
public record ChangeSet(Path root, String baseCommit, String headCommit, List<ChangePart> included, String artifact,
                        String sha256, int bytes, List<String> binaryFiles) {

    public ChangeSet {
        Objects.requireNonNull(root, "root");
        included = List.copyOf(included);
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(sha256, "sha256");
        binaryFiles = List.copyOf(binaryFiles);
    }

    /** Nothing changed in the parts asked for. */
    public boolean empty() {
        return artifact.lines().noneMatch(l -> l.startsWith("diff --git ") || l.startsWith("commit "));
    }

    public List<String> includedKeys() {
        return included.stream().map(ChangePart::key).toList();
    }
}
