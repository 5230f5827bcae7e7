package com.verivus.gateway.files;

import com.verivus.gateway.log.GatewayLog;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Directories of the gateway's state (prompts, answers, sessions, the auth token): created 0700, every
 * missing level of them. An existing directory keeps its mode, except the gateway's own data directory
 * {@code ~/.llm-cli-gateway}, which earlier versions created 0755 and which is tightened to 0700 when the
 * user owns it — a directory the user chose (a repository's {@code .gateway/}, a path in the config) is
 * theirs to set.
 */
public final class PrivateDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateDirectory() {
    }

    /** Creates {@code dir} and its missing parents with mode 0700; an existing one is left as it is. */
    public static Path create(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.exists(parent)) {
            create(parent);
        }
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            // the umask may have taken bits away, never added; set exactly 0700 in case it was unusual
            Files.setPosixFilePermissions(absolute, OWNER_ONLY);
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another gateway: fine
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(absolute); // not a POSIX file system: the platform's defaults apply
        }
        return absolute;
    }

    /**
     * The gateway's own data directory: created 0700 when missing; when it exists, owned by this user and
     * open to group or others, restricted to 0700 with a log line saying what was changed.
     */
    public static void secureOwn(Path dataDirectory) throws IOException {
        Path dir = create(dataDirectory);
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
            if (mode.stream().noneMatch(GROUP_OR_OTHER::contains)) {
                return;
            }
            String owner = Files.getOwner(dir).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                GatewayLog.warn(dir + " is mode " + PosixFilePermissions.toString(mode) + " and owned by " + owner
                        + "; left as it is");
                return;
            }
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
            GatewayLog.info("Restricted " + dir + " to rwx------ (was " + PosixFilePermissions.toString(mode)
                    + "): it holds prompts, answers and credentials");
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
