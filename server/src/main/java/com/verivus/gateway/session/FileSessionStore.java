package com.verivus.gateway.session;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.files.PrivateFiles;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.CliName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sessions in {@code sessions.json} inside the gateway's data directory, in the Node gateway's
 * format. Every operation re-reads the file under an exclusive lock and, when it changed something,
 * replaces the file atomically (temp file, fsync, rename, mode 0600) before releasing the lock, so
 * several gateway processes sharing the directory never lose each other's sessions. The active-session
 * lookup first reads without the lock (see {@link #lookup}).
 */
public final class FileSessionStore implements SessionStore {

    public static final String FILE_NAME = "sessions.json";
    private static final DateTimeFormatter CORRUPT_SUFFIX =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Path lockFile;
    private final long ttlMillis;
    private final Clock clock;

    public FileSessionStore(Path dataDirectory, Duration ttl, Clock clock) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        this.file = dir.resolve(FILE_NAME);
        this.lockFile = dir.resolve(FILE_NAME + ".lock");
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    /** The store the gateway uses: TTL from SESSION_TTL, the system clock. */
    public FileSessionStore(Path dataDirectory, GatewayEnvironment env) {
        this(dataDirectory, SessionTtl.from(env), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    @Override
    public Session create(CliName cli, String description, String id, Activation activation) {
        return locked(doc -> {
            evictExpired(doc);
            String sessionId = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
            String now = IsoTimestamps.format(clock.instant());
            Session session = new Session(sessionId, cli, now, now,
                    description == null ? defaultDescription(cli) : description, null, null);
            // an id reused across CLIs must not stay active for the CLI it no longer belongs to
            doc.session(sessionId).filter(old -> old.cli() != cli)
                    .filter(old -> sessionId.equals(doc.activeId(old.cli())))
                    .ifPresent(old -> doc.setActive(old.cli(), null));
            doc.put(session);
            boolean activate = switch (activation) {
                case ALWAYS -> true;
                case NEVER -> false;
                case IF_NONE_ACTIVE -> liveActive(doc, cli).isEmpty();
            };
            if (activate) {
                doc.setActive(cli, sessionId);
            }
            return session;
        });
    }

    @Override
    public Optional<Session> get(String id) {
        return locked(doc -> live(doc, id));
    }

    @Override
    public List<Session> list() {
        return locked(doc -> {
            evictExpired(doc);
            return doc.sessions();
        });
    }

    @Override
    public List<Session> list(CliName cli) {
        return list().stream().filter(s -> s.cli() == cli).toList();
    }

    @Override
    public boolean setActive(CliName cli, String id) {
        return locked(doc -> {
            if (id != null) {
                Optional<Session> session = live(doc, id);
                if (session.isEmpty() || session.get().cli() != cli) {
                    return false;
                }
            }
            doc.setActive(cli, id);
            return true;
        });
    }

    @Override
    public Optional<Session> getActive(CliName cli) {
        return lookup(doc -> liveActive(doc, cli));
    }

    @Override
    public Map<CliName, String> activeSessionIds() {
        return locked(this::activeIds);
    }

    @Override
    public Overview overview(CliName cliOrNull) {
        return locked(doc -> {
            evictExpired(doc);
            List<Session> sessions = doc.sessions().stream()
                    .filter(s -> cliOrNull == null || s.cli() == cliOrNull).toList();
            return new Overview(sessions, activeIds(doc));
        });
    }

    @Override
    public void updateUsage(String id) {
        locked(doc -> {
            live(doc, id).ifPresent(s -> doc.put(s.withLastUsedAt(IsoTimestamps.format(clock.instant()))));
            return null;
        });
    }

    @Override
    public boolean updateMetadata(String id, Map<String, Object> metadata) {
        return locked(doc -> {
            Optional<Session> session = live(doc, id);
            session.ifPresent(s -> doc.put(s.withMetadataMerged(metadata)));
            return session.isPresent();
        });
    }

    @Override
    public boolean delete(String id) {
        return locked(doc -> doc.remove(id));
    }

    @Override
    public int clearAll(CliName cliOrNull) {
        return locked(doc -> {
            if (cliOrNull == null) {
                return doc.removeAll();
            }
            int count = 0;
            for (Session s : doc.sessions()) {
                if (s.cli() == cliOrNull && doc.remove(s.id())) {
                    count++;
                }
            }
            return count;
        });
    }

    private static String defaultDescription(CliName cli) {
        return Character.toUpperCase(cli.key().charAt(0)) + cli.key().substring(1) + " Session";
    }

    private boolean expired(Session session) {
        Optional<Instant> lastUsed = session.lastUsed();
        return lastUsed.isEmpty() || clock.millis() - lastUsed.get().toEpochMilli() > ttlMillis;
    }

    /** The session when present and unexpired; an expired one is removed. */
    private Optional<Session> live(SessionDocument doc, String id) {
        Optional<Session> session = doc.session(id);
        if (session.isPresent() && expired(session.get())) {
            doc.remove(id);
            return Optional.empty();
        }
        return session;
    }

    /** The CLI's active session when it exists and is unexpired; a stale pointer is cleared. */
    private Optional<Session> liveActive(SessionDocument doc, CliName cli) {
        String id = doc.activeId(cli);
        if (id == null) {
            return Optional.empty();
        }
        Optional<Session> session = live(doc, id).filter(s -> s.cli() == cli);
        if (session.isEmpty()) {
            doc.setActive(cli, null);
        }
        return session;
    }

    private Map<CliName, String> activeIds(SessionDocument doc) {
        Map<CliName, String> ids = new EnumMap<>(CliName.class);
        for (CliName cli : CliName.values()) {
            ids.put(cli, liveActive(doc, cli).map(Session::id).orElse(null));
        }
        return ids;
    }

    private void evictExpired(SessionDocument doc) {
        for (Session s : doc.sessions()) {
            if (expired(s)) {
                doc.remove(s.id());
            }
        }
    }

    /**
     * A lookup that every request makes (the active session, twice per Claude request), first without the
     * lock: the file is only ever replaced whole by a rename, so an unlocked read sees one complete
     * version, as if it ran just before or after a concurrent save. Taking the thread and file locks, with
     * their open, lock and close calls, for each of them cost more CPU than the read in a burst of
     * requests. When the lookup would change the document (an expired session or a stale pointer to
     * clear) or the file does not parse (for instance written in place by another program at that moment),
     * it runs again under the lock, exactly as before.
     */
    private <T> T lookup(Function<SessionDocument, T> operation) {
        SessionDocument doc = null;
        try {
            // no sessions yet (the common case until a session is made): one stat instead of a failed open,
            // whose two exceptions cost more than the call they answer; a file made meanwhile is read next time
            doc = Files.exists(file) ? SessionDocument.parse(new String(Files.readAllBytes(file),
                    StandardCharsets.UTF_8)) : SessionDocument.empty();
        } catch (NoSuchFileException e) {
            doc = SessionDocument.empty();
        } catch (IOException | SessionDocument.Corrupt e) {
            // read it again under the lock, where an unreadable file is dealt with
        }
        if (doc != null) {
            T result = operation.apply(doc);
            if (!doc.changed()) {
                return result;
            }
        }
        return locked(operation);
    }

    /** Runs one operation on the current file content under the lock; saves when it changed anything. */
    private <T> T locked(Function<SessionDocument, T> operation) {
        try (SessionFileLock ignored = SessionFileLock.acquire(lockFile)) {
            SessionDocument doc = load();
            T result = operation.apply(doc);
            if (doc.changed()) {
                save(doc);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Session store " + file + ": " + e.getMessage(), e);
        }
    }

    private SessionDocument load() throws IOException {
        String text;
        try {
            // decoded leniently (bad bytes become U+FFFD) as Node's readFileSync(path, "utf-8") does
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return SessionDocument.empty();
        }
        try {
            return SessionDocument.parse(text);
        } catch (SessionDocument.Corrupt e) {
            Path kept = keepCorruptCopy();
            GatewayLog.warn("Session file " + file + " is unreadable (" + e.getMessage() + "); moved it to "
                    + kept + " and starting with no sessions");
            return SessionDocument.empty();
        }
    }

    /** Moves the unreadable file aside (never deletes it) so that a person can inspect or repair it. */
    private Path keepCorruptCopy() throws IOException {
        String base = FILE_NAME + ".corrupt-" + CORRUPT_SUFFIX.format(clock.instant());
        for (int n = 0; ; n++) {
            Path target = file.resolveSibling(n == 0 ? base : base + "-" + n);
            try {
                Files.move(file, target);
                return target;
            } catch (FileAlreadyExistsException taken) {
                // same millisecond as an earlier copy: try the next suffix
            }
        }
    }

    private void save(SessionDocument doc) throws IOException {
        PrivateFiles.writeDurably(file, doc.render().getBytes(StandardCharsets.UTF_8));
    }
}
