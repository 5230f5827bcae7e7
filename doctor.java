///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25
//DEPS info.picocli:picocli:4.7.7

/** JBang entry: the doctor. Not yet implemented; see the doctor issue. */
public class doctor {
    public static void main(String... args) {
        System.err.println("doctor: not yet implemented");
        System.exit(2);
    }
}
