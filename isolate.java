///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25
//DEPS com.fasterxml.jackson.dataformat:jackson-dataformat-toml:2.21.3
//DEPS com.fasterxml.jackson.core:jackson-databind:2.21.3
//DEPS info.picocli:picocli:4.7.7
//SOURCES dag/src/main/java/**/*.java
//FILES per-project-isolation.dag.toml=dag/per-project-isolation.dag.toml

import com.verivus.dag.cli.IsolateCommand;

/**
 * JBang entry: DAG-TOML validation and planning, and the per-project isolation executor.
 * {@code jbang isolate@verivus --repo .} isolates the current repository; all logic lives in dag/.
 */
public class isolate {
    public static void main(String... args) {
        System.exit(IsolateCommand.run(args));
    }
}
