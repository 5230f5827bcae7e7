package com.verivus.gateway.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** UTF-8 stdout/stderr for picocli, so ✓ and ✗ survive a C locale. */
final class Writers {

    private Writers() {
    }

    static CommandLine utf8(CommandLine cmd) {
        cmd.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true));
        return cmd;
    }
}
