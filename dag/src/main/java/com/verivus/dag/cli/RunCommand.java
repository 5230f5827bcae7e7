package com.verivus.dag.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the executor lands in this branch. */
@Command(name = "run")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 2;
    }
}
