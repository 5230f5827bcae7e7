package com.verivus.gateway.process;

import com.verivus.gateway.process.posix.ChildListener;
import com.verivus.gateway.process.posix.PipeReactor;
import com.verivus.gateway.process.posix.PosixSpawn;
import com.verivus.gateway.process.posix.SpawnFailure;
import com.verivus.gateway.process.posix.SpawnedChild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A child started by posix_spawn; its pipes and exit are watched by the shared {@link PipeReactor}. */
final class PosixChildProcess implements ChildProcess {

    private final SpawnedChild child;
    private final PipeReactor reactor;
    private final Optional<ProcessHandle> handle;
    private volatile boolean exited;

    private PosixChildProcess(SpawnedChild child, PipeReactor reactor) {
        this.child = child;
        this.reactor = reactor;
        // looked up before anything can reap it, so a fast exit still leaves a handle to the (zombie) child
        this.handle = ProcessHandle.of(child.pid());
    }

    static PosixChildProcess spawn(List<String> command, Map<String, String> environment, Path directory)
            throws SpawnFailure {
        PipeReactor reactor = PipeReactor.shared();
        return new PosixChildProcess(PosixSpawn.spawn(command, environment, directory), reactor);
    }

    @Override
    public long pid() {
        return child.pid();
    }

    @Override
    public Optional<ProcessHandle> handle() {
        return handle;
    }

    @Override
    public boolean isAlive() {
        return !exited;
    }

    @Override
    public void watch(ChildListener listener, Duration drainGrace) {
        reactor.watch(child, new ChildListener() {
            @Override
            public void output(int stream, byte[] bytes, int length) {
                listener.output(stream, bytes, length);
            }

            @Override
            public void end(int stream, boolean cut) {
                listener.end(stream, cut);
            }

            @Override
            public void exited(int exitCode) {
                exited = true;
                listener.exited(exitCode);
            }
        }, drainGrace.toMillis());
    }
}
