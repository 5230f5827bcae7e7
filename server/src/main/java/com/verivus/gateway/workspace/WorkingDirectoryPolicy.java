package com.verivus.gateway.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a request may run a CLI in a directory (or let it read one), before anything is
 * spawned. The path must be absolute and an existing directory. Over stdio that is all: the client is
 * the local user's own process and could run the CLI anywhere itself. Over HTTP the directory must
 * also lie under an allowed root, compared after both are resolved to their real paths, so {@code ..}
 * segments and symbolic links cannot lead out of a root; without roots HTTP callers cannot choose a
 * directory at all.
 */
public final class WorkingDirectoryPolicy {

    private final AllowedRoots allowed;

    public WorkingDirectoryPolicy(AllowedRoots allowed) {
        this.allowed = allowed;
    }

    public AllowedRoots allowedRoots() {
        return allowed;
    }

    /**
     * The real path of the requested directory.
     *
     * @param parameter the parameter name, for messages (workingDir, addDir)
     * @throws WorkspaceException when the directory may not be used; the message names the setting to change
     */
    public Path resolve(String requested, CallOrigin origin, String parameter) {
        if (requested == null || requested.isBlank()) {
            throw new WorkspaceException(parameter + " must not be empty");
        }
        Path path;
        try {
            path = Path.of(requested);
        } catch (InvalidPathException e) {
            throw new WorkspaceException(parameter + " is not a valid path: " + e.getMessage());
        }
        if (!path.isAbsolute()) {
            throw new WorkspaceException(parameter + " must be an absolute path (got \"" + requested + "\")");
        }
        if (origin == CallOrigin.HTTP && allowed.roots().isEmpty()) {
            throw new WorkspaceException(parameter + " cannot be chosen over HTTP on this gateway: no allowed roots are "
                    + "configured. Set " + allowed.settingName() + " to the directories HTTP callers may use.");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            // over HTTP, a path outside the roots is refused as such, whether or not it exists: the
            // gateway must not tell a remote caller which paths exist elsewhere
            if (origin == CallOrigin.HTTP && underRoot(path.normalize()) == null) {
                throw outside(requested, path.normalize(), parameter);
            }
            throw new WorkspaceException(parameter + " does not exist: " + requested);
        } catch (IOException | SecurityException e) {
            throw new WorkspaceException(parameter + " cannot be resolved: " + requested + " (" + e.getMessage() + ")");
        }
        if (origin == CallOrigin.HTTP && underRoot(real) == null) {
            throw outside(requested, real, parameter);
        }
        if (!Files.isDirectory(real)) {
            throw new WorkspaceException(parameter + " is not a directory: " + requested);
        }
        return real;
    }

    /** Each of {@code requested} resolved as by {@link #resolve}; null or empty gives an empty list. */
    public List<Path> resolveAll(List<String> requested, CallOrigin origin, String parameter) {
        List<Path> out = new ArrayList<>();
        if (requested != null) {
            for (String r : requested) {
                Path p = resolve(r, origin, parameter);
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The real path of the root containing {@code real}, or null. */
    private Path underRoot(Path real) {
        for (Path root : allowed.roots()) {
            Path resolvedRoot;
            try {
                resolvedRoot = root.toRealPath();
            } catch (IOException | SecurityException e) {
                continue; // a root that does not exist (yet) admits nothing
            }
            if (real.startsWith(resolvedRoot)) {
                return resolvedRoot;
            }
        }
        return null;
    }

    private WorkspaceException outside(String requested, Path resolved, String parameter) {
        String shown = resolved.toString().equals(requested) ? requested : requested + " (resolves to " + resolved + ")";
        return new WorkspaceException(parameter + " " + shown + " is outside the allowed roots " + allowed.roots()
                + " of this HTTP gateway. An HTTP caller may only use directories under " + allowed.settingName()
                + ".");
    }
}
