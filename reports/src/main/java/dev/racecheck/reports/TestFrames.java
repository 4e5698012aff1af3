package dev.racecheck.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether text shows the frames of the test framework, and which frames those are.
 *
 * <p>Inside a test run every stack ends in the 60 to 70 frames by which JUnit and the build tool's test runner
 * called the test: {@link #ELIDE} (the default of the text renderers) replaces them with one line,
 * {@code  ... 67 frames of the test framework}; {@link #KEEP} prints them. Reports meant for machines (JSON, SARIF)
 * always keep every frame.
 *
 * <p>What is cut is the <em>tail</em> of a stack (its outermost frames) below the last frame of the program: the
 * longest run of outermost frames that are all test-framework or JDK frames, provided it holds at least one
 * test-framework frame. So a framework frame between two frames of the program (an {@code assertAll} calling back
 * into the test) is kept, the JDK's reflection and {@code java.lang.invoke} frames through which the framework
 * calls the test method are cut with the framework, and a stack made only of framework and JDK frames (a race in
 * the framework's own code) is kept whole.
 */
public enum TestFrames {
    /** Replace the test framework's frames below the program's with one line saying how many there were. */
    ELIDE,
    /** Show every frame. */
    KEEP;

    /**
     * Package prefixes of test frameworks and the runners that start them: JUnit 3 and 4, the JUnit Platform with
     * Jupiter and Vintage; Surefire's and Failsafe's booter and providers; Gradle's test executor and worker; TestNG;
     * IntelliJ IDEA's and Eclipse's JUnit runners.
     */
    private static final List<String> FRAMEWORK_PACKAGES = List.of(
            "org.junit.", "junit.",
            "org.apache.maven.surefire.",
            "org.gradle.", "worker.org.gradle.",
            "org.testng.",
            "com.intellij.rt.junit.", "com.intellij.rt.execution.junit.", "com.intellij.junit",
            "org.eclipse.jdt.internal.junit");

    /**
     * Package prefixes of the JDK's own classes, whose frames sit between the framework's: reflection
     * ({@code jdk.internal.reflect}, {@code java.lang.reflect.Method.invoke}), {@code java.lang.invoke}, the
     * collections and streams the framework iterates with, dynamic proxies ({@code jdk.proxy2.$Proxy5}).
     */
    private static final List<String> JDK_PACKAGES = List.of("java.", "jdk.", "sun.", "com.sun.");

    /** The line that replaces {@code n} elided frames, without indentation or newline: {@code ... 67 frames of the test framework}. */
    public static String elidedLine(int n) {
        return "... " + n + (n == 1 ? " frame" : " frames") + " of the test framework";
    }

    /** Whether a frame of class {@code className} (binary name) belongs to a test framework or its runner. */
    public static boolean isTestFramework(String className) {
        return startsWithAny(className, FRAMEWORK_PACKAGES);
    }

    /** Whether a frame of class {@code className} belongs to the JDK. */
    public static boolean isJdk(String className) {
        return startsWithAny(className, JDK_PACKAGES);
    }

    /** How many outermost frames of {@code stack} (innermost first) {@link #ELIDE} cuts; 0 when none. */
    public static int elidable(List<Frame> stack) {
        List<String> classes = new ArrayList<>(stack.size());
        for (Frame f : stack) classes.add(f.className());
        return elidableTail(classes);
    }

    /**
     * How many frames this mode leaves out at the end of {@code stack}: {@link #elidable} for {@link #ELIDE}, 0 for
     * {@link #KEEP}.
     */
    public int cut(List<Frame> stack) {
        return this == ELIDE ? elidable(stack) : 0;
    }

    /**
     * The length of the elidable tail of a stack given as the class names of its frames, innermost first: the
     * longest run of outermost frames that are test-framework or JDK frames, if it holds a test-framework frame and
     * is not the whole stack; else 0.
     */
    static int elidableTail(List<String> classNames) {
        int n = classNames.size();
        int start = n;
        boolean framework = false;
        while (start > 0) {
            String c = classNames.get(start - 1);
            boolean isFramework = isTestFramework(c);
            if (!isFramework && !isJdk(c)) break;
            framework |= isFramework;
            start--;
        }
        // start == 0: nothing of the program's own; the race is in framework code and every frame counts.
        return framework && start > 0 ? n - start : 0;
    }

    /**
     * Elides the test framework's frames in already rendered text: in every run of consecutive
     * {@code "  at "} lines (a stack as the text renderers print it) the elidable tail becomes one
     * {@code "  ... N frames of the test framework"} line. Other lines are kept as they are, so applying it twice
     * changes nothing. For tools that get reports as text only.
     */
    public static String elide(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith(AT)) {
                out.append(lines[i]);
                if (++i < lines.length) out.append('\n');
                continue;
            }
            int end = i;
            List<String> classes = new ArrayList<>();
            while (end < lines.length && lines[end].startsWith(AT)) classes.add(classOf(lines[end++]));
            int keep = classes.size() - elidableTail(classes);
            for (int k = i; k < i + keep; k++) out.append(lines[k]).append('\n');
            if (keep < classes.size()) out.append("  ").append(elidedLine(classes.size() - keep)).append('\n');
            i = end;
            // The line after the stack, if any, follows; a text ending in a stack ended with its newline already.
            if (i == lines.length) out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static final String AT = "  at ";

    /** The class of a printed frame, {@code "  at java.base/java.lang.Thread.run(Thread.java:840)"}: {@code java.lang.Thread}. */
    private static String classOf(String line) {
        String frame = line.substring(AT.length());
        int paren = frame.indexOf('(');
        String method = paren < 0 ? frame : frame.substring(0, paren);
        // "java.base/java.lang.Thread.run": the module goes; a '/' inside the parentheses is no module.
        method = method.substring(method.indexOf('/') + 1);
        int dot = method.lastIndexOf('.');
        return dot < 0 ? method : method.substring(0, dot);
    }

    private static boolean startsWithAny(String s, List<String> prefixes) {
        if (s == null) return false;
        for (String p : prefixes) if (s.startsWith(p)) return true;
        return false;
    }
}
