package dev.racecheck.cli.commands;

import dev.racecheck.cli.Cli;
import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@code racecheck run} turns its arguments into a java command line (without running it). */
class RunCommandTest {
    private static final Path AGENT = Path.of("/tmp/rc/racecheck.jar");

    /** Parses {@code racecheck run ARGS...} with the real command line and returns the run command. */
    private static RunCommand parse(String... args) {
        List<String> all = new ArrayList<>();
        all.add("run");
        all.addAll(List.of(args));
        var cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cl.parseArgs(all.toArray(String[]::new));
        return (RunCommand) cl.getSubcommands().get("run").getCommand();
    }

    private static List<String> command(String... args) {
        return parse(args).javaCommand("java", AGENT);
    }

    private static List<String> expected(String javaagent, String... launchArgs) {
        List<String> expected = new ArrayList<>(List.of("java", javaagent));
        expected.addAll(List.of(launchArgs));
        return expected;
    }

    @Test
    void mainClassWithArguments() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", "-cp", "DIR", "Main", "a", "b"),
                command("-cp", "DIR", "Main", "a", "b"));
    }

    @Test
    void jarWithArguments() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", "-jar", "app.jar", "x"),
                command("-jar", "app.jar", "x"));
    }

    @Test
    void jvmOptionsBeforeTheMainClass() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", "-Xmx1g", "-Dx=y", "-cp", "DIR", "Main"),
                command("-Xmx1g", "-Dx=y", "-cp", "DIR", "Main"));
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--enable-preview", "-ea", "-XX:+UseG1GC", "--class-path", "a.jar:b.jar", "Main"),
                command("--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-preview", "-ea", "-XX:+UseG1GC",
                        "--class-path", "a.jar:b.jar", "Main"));
    }

    @Test
    void programArgumentsPassThroughUntouched() {
        String[] programArgs = {"--include", "x", "--", "-h", "--help", "--version", "-V", "@file", "--exitcode=9", "run", "demo"};
        List<String> args = new ArrayList<>(List.of("-cp", "DIR", "Main"));
        args.addAll(List.of(programArgs));
        List<String> launch = new ArrayList<>(args);
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", launch.toArray(String[]::new)),
                command(args.toArray(String[]::new)));
    }

    @Test
    void argumentFilesAreJavas() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", "@java.args"), command("@java.args"));
    }

    @Test
    void doubleDashEndsRacecheckOptions() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", "-cp", "DIR", "Main"),
                command("--", "-cp", "DIR", "Main"));
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar=halt_on_error=1", "Main", "--", "x"),
                command("--halt-on-error", "--", "Main", "--", "x"));
    }

    @Test
    void agentOptions() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar=exitcode=3,halt_on_error=1,include=com.a.*:com.b.*,"
                                + "exclude=com.a.gen.*,log_path=/tmp/races.log", "-cp", "DIR", "Main"),
                command("--exitcode", "3", "--halt-on-error", "--include", "com.a.*", "--include=com.b.*",
                        "--exclude", "com.a.gen.*", "--log-path", "/tmp/races.log", "-cp", "DIR", "Main"));
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar=exitcode=0", "Main"), command("--exitcode=0", "Main"));
    }

    @Test
    void javaOption() {
        RunCommand run = parse("--java", "/opt/jdk/bin/java", "-cp", "DIR", "Main");
        assertEquals("/opt/jdk/bin/java", run.javaOption());
        assertEquals(List.of("-cp", "DIR", "Main"), run.launchArgs());
        assertNull(parse("Main").javaOption());
    }

    @ParameterizedTest(name = "[{index}] run {0}")
    @CsvSource(delimiter = '|', value = {
            "''                                  | no program given",
            "--                                  | no program given",
            "--halt-on-error                     | no program given",
            "-Xmx1g -Dx=y                        | no program given after the JVM options -Xmx1g -Dx=y",
            "-cp                                 | -cp requires an argument",
            "-jar                                | -jar requires an argument",
            "--exitcode abc Main                 | Invalid value for option '--exitcode': 'abc' is not an int",
            "--exitcode                          | Missing required parameter for option '--exitcode' (N)",
            "--exitcode 256 Main                 | --exitcode must be between 0 and 255, not 256",
            "--include a,b Main                  | --include must not contain ','",
            "--log-path '' Main                  | --log-path must not be empty",
            "-Xmx1g --exitcode 3 -cp DIR Main    | racecheck option --exitcode must come before the java arguments",
            "--exit-code 3 -cp DIR Main          | unknown option '--exit-code' (did you mean --exitcode?)",
            "--halt_on_error Main                | unknown option '--halt_on_error' (did you mean --halt-on-error?)",
    })
    void usageErrors(String args, String message) {
        String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].equals("''")) {
                argv[i] = "";
            }
        }
        String[] all = new String[argv.length + 1];
        all[0] = "run";
        System.arraycopy(argv, 0, all, 1, argv.length);
        Cli r = Cli.execute(all);
        assertEquals(ExitCodes.USAGE, r.status(), r.err());
        assertTrue(r.errFirstLine().startsWith("racecheck run: " + message), r.errFirstLine());
        List<String> lines = r.err().lines().toList();
        assertEquals("", lines.get(1), "a one-line message, then a blank line, then the usage:\n" + r.err());
        assertTrue(lines.get(2).startsWith("Usage: racecheck run "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void javaMayOnlyBeAskedForInformation() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", "-version"), command("-version"));
    }
}
