package dev.racecheck.reports;

/**
 * One stack frame, as Java prints it: {@code pkg.Class.method(File.java:LINE)}.
 *
 * @param className  binary class name, e.g. {@code demo.Counter} or {@code demo.Outer$Inner}
 * @param methodName method name, e.g. {@code next}, {@code <init>}, {@code lambda$main$0}
 * @param fileName   source file name, or {@code null} when the class has none
 * @param line       line number, or a negative number when unknown; {@code -2} marks a native method, as in
 *                   {@link StackTraceElement#getLineNumber()}
 * @param module     module name and version prefix for JDK frames (e.g. {@code java.base}), or {@code null}
 */
public record Frame(String className, String methodName, String fileName, int line, String module) {

    /** The {@link #line()} of a native method, as {@link StackTraceElement#getLineNumber()} reports it. */
    public static final int NATIVE_METHOD = -2;

    public Frame(String className, String methodName, String fileName, int line) {
        this(className, methodName, fileName, line, null);
    }

    /** The frame in {@link StackTraceElement#toString()} form, without the leading {@code at }. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (module != null && !module.isEmpty()) sb.append(module).append('/');
        sb.append(className).append('.').append(methodName).append('(');
        // Same precedence as StackTraceElement: frames copied from one must print exactly as Java prints them.
        if (line == NATIVE_METHOD) sb.append("Native Method");
        else if (fileName == null) sb.append("Unknown Source");
        else {
            sb.append(fileName);
            if (line >= 0) sb.append(':').append(line);
        }
        return sb.append(')').toString();
    }
}
