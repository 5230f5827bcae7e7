///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25
//DEPS info.picocli:picocli:4.7.7

/** JBang entry: the per-project isolation DAG. Not yet implemented; see the DAG issue. */
public class isolate {
    public static void main(String... args) {
        System.err.println("isolate: not yet implemented");
        System.exit(2);
    }
}
