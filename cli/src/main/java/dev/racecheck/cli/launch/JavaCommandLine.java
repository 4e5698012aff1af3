package dev.racecheck.cli.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@code java} command line that runs a program under the agent, and understands just
 * enough of the {@code java} launcher's syntax ({@code java [JVM options] (MAINCLASS | -jar FILE |
 * -m MODULE[/CLASS] | SOURCEFILE) [program args]}) to tell JVM options from the program. Pure
 * functions, no I/O.
 */
public final class JavaCommandLine {

    /** Launcher options whose value is the next argument. */
    static final Set<String> OPTIONS_WITH_VALUE = Set.of(
            "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path",
            "--add-modules", "--enable-native-access", "--limit-modules", "--add-reads", "--add-exports",
            "--add-opens", "--patch-module", "--source");

    /**
     * Every double-dash option the {@code java} launcher accepts, from {@code java --help} and
     * {@code java --help-extra} of JDK 17 and JDK 25, plus {@code --full-version} (accepted, not listed) and
     * {@code --illegal-access} (JDK 17 accepts it with a warning). Options taking a value may be written
     * {@code --name=value} too. Among the JVM options, any other double-dash option is a mistake java would reject.
     */
    public static final Set<String> JAVA_LONG_OPTIONS = Set.of(
            "--add-exports", "--add-modules", "--add-opens", "--add-reads", "--class-path", "--describe-module",
            "--disable-@files", "--dry-run", "--enable-native-access", "--enable-preview", "--finalization",
            "--full-version", "--help", "--help-extra", "--illegal-access", "--illegal-native-access",
            "--limit-modules", "--list-modules", "--module", "--module-path", "--patch-module",
            "--show-module-resolution", "--show-version", "--source", "--sun-misc-unsafe-memory-access",
            "--upgrade-module-path", "--validate-modules", "--version");

    /** Launcher options after which java needs no program: it prints something and exits. */
    static final Set<String> INFO_OPTIONS = Set.of(
            "-version", "--version", "-fullversion", "--full-version", "-help", "--help", "-h", "-?",
            "-X", "--help-extra", "--list-modules", "-d", "--describe-module", "--validate-modules");

    private JavaCommandLine() {
    }

    /**
     * The full command: {@code java -javaagent:AGENT[=OPTIONS] LAUNCH_ARGS...}. The agent option goes
     * first, so it is a JVM option whatever the launch arguments are; they are passed through untouched.
     */
    public static List<String> build(String java, Path agentJar, AgentOptions options, List<String> launchArgs) {
        List<String> command = new ArrayList<>(launchArgs.size() + 2);
        command.add(java);
        command.add(javaagentOption(agentJar, options));
        command.addAll(launchArgs);
        return command;
    }

    /** {@code -javaagent:/path/racecheck.jar} or {@code -javaagent:/path/racecheck.jar=OPTIONS}. */
    public static String javaagentOption(Path agentJar, AgentOptions options) {
        String args = options.toAgentArgs();
        return "-javaagent:" + agentJar + (args.isEmpty() ? "" : "=" + args);
    }

    /**
     * The index in {@code launchArgs} where the program starts: the main class, source file,
     * {@code -jar}, {@code -m}/{@code --module}/{@code --module=...}; -1 if there is none.
     */
    public static int programIndex(List<String> launchArgs) {
        for (int i = 0; i < launchArgs.size(); i++) {
            String arg = launchArgs.get(i);
            if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module") || arg.startsWith("--module=")) {
                return i;
            }
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++; // skip the value
            } else if (!arg.startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The double-dash options among the JVM options, as given ({@code --add-opens}, {@code --module-path=DIR},
     * {@code --halt-on-eror}); the values of options that take the next argument are skipped, and so is a bare
     * {@code --}.
     */
    public static List<String> longOptions(List<String> launchArgs) {
        List<String> jvm = jvmOptions(launchArgs);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < jvm.size(); i++) {
            String arg = jvm.get(i);
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (arg.startsWith("--") && arg.length() > 2) {
                out.add(arg);
            }
        }
        return out;
    }

    /** The name of a long option without its {@code =value}: {@code --add-opens} for {@code --add-opens=x=y}. */
    public static String optionName(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }

    /** The JVM options: the launch arguments before the program (all of them if there is no program). */
    public static List<String> jvmOptions(List<String> launchArgs) {
        int program = programIndex(launchArgs);
        return program < 0 ? launchArgs : launchArgs.subList(0, program);
    }

    /**
     * Why these launch arguments cannot run a program, as a one-line message; {@code null} if they
     * look fine (a program is given, or java is only asked for information such as {@code -version},
     * or an {@code @argfile} may hold the rest).
     */
    public static String problem(List<String> launchArgs) {
        if (launchArgs.isEmpty()) {
            return "no program given: expected [JVM options] followed by a main class, -jar FILE or -m MODULE[/CLASS]";
        }
        int program = programIndex(launchArgs);
        if (program >= 0) {
            String arg = launchArgs.get(program);
            if ((arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) && program + 1 >= launchArgs.size()) {
                return arg + " requires an argument";
            }
            return null;
        }
        List<String> options = launchArgs;
        for (int i = 0; i < options.size(); i++) {
            String arg = options.get(i);
            if (INFO_OPTIONS.contains(arg) || arg.startsWith("@")) {
                return null;
            }
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                if (i + 1 >= options.size()) {
                    return arg + " requires an argument";
                }
                i++;
            }
        }
        return "no program given after the JVM options " + String.join(" ", launchArgs)
                + ": expected a main class, -jar FILE or -m MODULE[/CLASS]";
    }
}
