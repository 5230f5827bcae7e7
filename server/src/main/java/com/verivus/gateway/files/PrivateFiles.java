package com.verivus.gateway.files;

import com.verivus.gateway.log.GatewayLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * Files only the user may read (0600): the generated Claude MCP config (it can hold API keys), Codex
 * output schemas, the SQLite databases, sessions.json and its lock, the lifecycle logs, pid and token files,
 * approvals.jsonl. Created with the mode from the start, so no other user ever sees them readable; every
 * write-temp-then-rename of the gateway goes through {@link #writeAtomically}.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Replaces {@code target} atomically: a temp file in the same directory (0600), written and fsynced,
     * renamed over the target, then chmod 0600 (the target may have existed with another mode).
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + ".tmp." + ProcessHandle.current().pid() + "."
                + UUID.randomUUID().toString().substring(0, 8));
        try {
            writeNew(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            restrict(target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * {@link #writeAtomically}, then an fsync of the directory, so that the rename itself survives a crash
     * (sessions.json). Not every platform can open a directory; there the rename is left to the OS.
     */
    public static void writeDurably(Path target, byte[] content) throws IOException {
        writeAtomically(target, content);
        Path dir = target.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            GatewayLog.debug("directory fsync skipped for " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Opens {@code file} for writing (a lock file: nothing is written to it), creating it 0600 if it is
     * missing, as {@link #createIfMissing} does.
     */
    public static FileChannel openForLocking(Path file) throws IOException {
        createIfMissing(file);
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /**
     * {@link #writeAtomically} unless {@code target} already is a regular file (not a link) of mode 0600
     * holding exactly {@code content}. Every Claude request regenerates the same MCP config, and the
     * rewrite (temp file, fsync, rename) was a large part of a request's cost in a burst of calls.
     */
    public static void writeIfChanged(Path target, byte[] content) throws IOException {
        if (!holds(target, content)) {
            writeAtomically(target, content);
        }
    }

    private static boolean holds(Path target, byte[] content) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(target, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile() || attrs.size() != content.length
                    || posix(target) && !Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
                            .equals(OWNER_RW)) {
                return false;
            }
            return Arrays.equals(Files.readAllBytes(target), content);
        } catch (IOException | UnsupportedOperationException e) {
            return false; // absent or unreadable: write it
        }
    }

    /**
     * Creates an empty {@code file} with mode 0600 unless it exists (an existing file keeps its mode:
     * callers that own it tighten it with {@link #restrict}). On a file system without POSIX modes the
     * platform's defaults apply.
     */
    public static void createIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_RW));
        } catch (FileAlreadyExistsException e) {
            // created meanwhile (another gateway, or the job store and the recorder sharing logs.db)
        } catch (UnsupportedOperationException e) {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException created) {
                // created meanwhile
            }
        }
    }

    /** Sets mode 0600 on an existing file; nothing on a file system without POSIX modes. */
    public static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_RW);
        }
    }

    /** Creates {@code dir/<prefix><uuid><suffix>} with mode 0600 and the content; returns its path. */
    public static Path createTemp(Path dir, String prefix, String suffix, byte[] content) throws IOException {
        Files.createDirectories(dir);
        while (true) {
            Path file = dir.resolve(prefix + UUID.randomUUID() + suffix);
            try {
                writeNew(file, content);
                return file;
            } catch (FileAlreadyExistsException e) {
                // a UUID clash: try another name
            }
        }
    }

    private static void writeNew(Path file, byte[] content) throws IOException {
        FileAttribute<?>[] attrs = posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)}
                : new FileAttribute<?>[0];
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                attrs)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        restrict(file);
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
