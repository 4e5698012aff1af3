package dev.racecheck.cli.commands;

import dev.racecheck.cli.Cli;
import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.Main;
import dev.racecheck.cli.launch.JavaCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
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
            "--halt-on-eror -cp app Main         | unknown option '--halt-on-eror' (did you mean --halt-on-error?)",
            "--halt-on-eror=1 -cp app Main       | unknown option '--halt-on-eror' (did you mean --halt-on-error?)",
            "--exitcod 3 -cp app Main            | unknown option '--exitcod' (did you mean --exitcode?)",
            "-Xmx1g --test-frame -cp app Main    | unknown option '--test-frame' (did you mean --test-frames?)",
            "-cp app --suppresions s.supp Main   | unknown option '--suppresions' (did you mean --suppressions?)",
            "--add-open java.base/x=ALL Main     | unknown option '--add-open' (did you mean --add-opens?)",
            "--enable-preveiw Main               | unknown option '--enable-preveiw' (did you mean --enable-preview?)",
            "--modulepath mods -m app/app.Main   | unknown option '--modulepath' (did you mean --module-path?)",
            "--frobnicate -jar app.jar           | unknown option '--frobnicate': neither a racecheck option nor one java accepts",
            "-- --halt_on_error Main             | unknown option '--halt_on_error' (did you mean --halt-on-error?)",
            "--explore 0 Main                    | --explore must be between 1 and 100000, not 0",
            "--explore x Main                    | Invalid value for option '--explore': 'x' is not an int",
            "--seed 1.5 Main                     | Invalid value for option '--seed': '1.5' is not a long",
            "-cp app --explore 3 Main            | racecheck option --explore must come before the java arguments",
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

    /** Every double-dash option of JDK 17's and JDK 25's java launcher passes through, as does every single-dash one. */
    @ParameterizedTest(name = "[{index}] run {0}")
    @CsvSource(delimiter = '|', value = {
            "--add-opens java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED -cp DIR Main",
            "--add-exports java.base/sun.nio.ch=ALL-UNNAMED --add-reads app=ALL-UNNAMED --add-modules ALL-SYSTEM Main",
            "--enable-preview --enable-native-access ALL-UNNAMED --illegal-native-access=deny --class-path DIR Main",
            "--module-path mods --upgrade-module-path up --limit-modules java.base --patch-module m=p -m app/app.Main",
            "--module-path=mods --module=app/app.Main",
            "--show-version --show-module-resolution --dry-run --validate-modules -cp DIR Main",
            "--finalization=disabled --sun-misc-unsafe-memory-access=warn --illegal-access=permit -cp DIR Main",
            "--disable-@files --source 21 Hello.java",
            "-XX:+UseG1GC -Xmx1g -Xss1m -Dx=--y -ea -esa -verbose:gc -XX:StartFlightRecording -cp DIR Main",
            "-cp --odd-dir-name Main",
            "-cp DIR Main --frobnicate --halt-on-eror -- --x",
            "-jar app.jar --frobnicate --exitcode 3",
            "-Xmx1g --help",
            "-Xmx1g --version",
            "--list-modules",
            "--describe-module java.base",
    })
    void javaOptionsAndTheProgramsArgumentsPassThrough(String args) {
        String[] launch = args.split(" ");
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", launch), command(launch));
    }

    @Test
    void everyDoubleDashOptionOfTheJavaLauncherPassesThrough() {
        for (String option : JavaCommandLine.JAVA_LONG_OPTIONS) {
            if (option.equals("--version") || option.equals("--help")) {
                continue; // racecheck's own when first; after a JVM option, java's (above)
            }
            assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", "-ea", option + "=x", "Main"),
                    command("-ea", option + "=x", "Main"), option);
        }
    }

    @Test
    void afterDoubleDashAnUnknownOptionIsJavas() {
        // A newer java may accept options racecheck does not know: '--' hands them over as they are.
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar=halt_on_error=1", "--future-option", "-cp", "DIR",
                "Main"), command("--halt-on-error", "--", "--future-option", "-cp", "DIR", "Main"));
    }

    @Test
    void aSeedGoesToTheAgent() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar=explore_seed=-12", "-cp", "DIR", "Main"),
                command("--seed", "-12", "-cp", "DIR", "Main"));
    }

    @Test
    void testFramesGoesToTheAgent() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar=test_frames=1", "-cp", "DIR", "Main"),
                command("--test-frames", "-cp", "DIR", "Main"));
    }

    @Test
    void javaMayOnlyBeAskedForInformation() {
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar", "-version"), command("-version"));
    }

    @Test
    void reportSuppressionsAndBaselineGoToTheAgentAsAbsolutePaths(@TempDir Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(expected("-javaagent:/tmp/rc/racecheck.jar=report_json=" + cwd.resolve("races.json")
                                + ",suppressions=" + cwd.resolve("racecheck.supp")
                                + ",baseline=" + dir.resolve("known.json"), "-cp", "DIR", "Main"),
                command("--report", "races.json", "--suppressions", "racecheck.supp",
                        "--baseline", dir.resolve("known.json").toString(), "-cp", "DIR", "Main"));
    }

    @Test
    void validFilesPassTheChecks(@TempDir Path dir) throws IOException {
        Path supp = Files.writeString(dir.resolve("racecheck.supp"), "# legacy\nrace:com.example.legacy.*\n");
        Path known = Files.writeString(dir.resolve("known.json"), ReportCommandTest.twoRacesJson());
        RunCommand run = parse("--suppressions", supp.toString(), "--baseline", known.toString(),
                "--report", dir.resolve("new.json").toString(), "--out", dir.resolve("new.html").toString(),
                "--source-path", dir.toString(), "-cp", "DIR", "Main");
        assertEquals(List.of(dir), run.checkFiles().roots());
    }

    /**
     * Files named by the options are checked before anything is launched: one line, status 2, no usage, no stack
     * trace. {@code $DIR} is a temporary directory holding good.supp, bad.supp, good.json and bad.json.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "suppressions missing   | --suppressions $DIR/none.supp      | racecheck run: cannot read suppressions file $DIR/none.supp: no such file",
            "suppressions bad glob  | --suppressions $DIR/bad.supp       | racecheck run: $DIR/bad.supp, line 2: bad glob \"com.example.[A-Z]*\": \"[\" is not allowed (only * and ? are wildcards)",
            "suppressions bad type  | --suppressions $DIR/badtype.supp   | racecheck run: $DIR/badtype.supp, line 1: unknown suppression type \"rcae\"; expected race:<glob>",
            "suppressions is a dir  | --suppressions $DIR                | racecheck run: cannot read suppressions file $DIR: it is a directory",
            "baseline missing       | --baseline $DIR/none.json          | racecheck run: cannot read baseline $DIR/none.json: no such file",
            "baseline corrupt       | --baseline $DIR/bad.json           | racecheck run: baseline $DIR/bad.json: line 1, column 1: expected a value (object, array, string, number, true, false or null) but found 'g'",
            "report in missing dir  | --report $DIR/no/races.json        | racecheck run: --report $DIR/no/races.json: no such directory $DIR/no",
            "out in missing dir     | --out $DIR/no/races.html           | racecheck run: --out $DIR/no/races.html: no such directory $DIR/no",
            "source path missing    | --format html --source-path $DIR/x | racecheck run: --source-path: $DIR/x: no such directory",
    })
    void badFilesAreReportedBeforeLaunching(String what, String options, String message, @TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("good.supp"), "race:ok.*\n");
        Files.writeString(dir.resolve("bad.supp"), "race:ok.*\nrace:com.example.[A-Z]*\n");
        Files.writeString(dir.resolve("badtype.supp"), "rcae:com.example.*\n");
        Files.writeString(dir.resolve("bad.json"), "garbage");
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(options.replace("$DIR", dir.toString()).split(" ")));
        args.addAll(List.of("-cp", "DIR", "Main"));
        Cli r = Cli.execute(args.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE, r.status(), what + ": " + r.err());
        String expected = message.replace("$DIR", dir.toString());
        assertTrue(r.errFirstLine().startsWith(expected), what + ":\n" + r.errFirstLine() + "\n" + expected);
        assertEquals(1, r.err().lines().count(), "one line, no usage:\n" + r.err());
        ReportCommandTest.assertNoStackTrace(r);
        assertEquals("", r.out());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Cli r = Cli.execute("run", "--format", "pdf", "-cp", "DIR", "Main");
        assertEquals(ExitCodes.USAGE, r.status());
        assertEquals("racecheck run: Invalid value for option '--format': unknown format 'pdf' "
                + "(expected text, json, sarif, junit or html)", r.errFirstLine());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "-Xmx1g --report r.json Main        | racecheck option --report must come before the java arguments",
            "-Xmx1g --format=html Main          | racecheck option --format must come before the java arguments",
            "-ea --suppressions s.supp Main     | racecheck option --suppressions must come before the java arguments",
            "-ea --source_path src Main         | unknown option '--source_path' (did you mean --source-path?)",
            "-ea --test-frames Main             | racecheck option --test-frames must come before the java arguments",
    })
    void newOptionsAfterTheJavaArgumentsAreCaught(String args, String message) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args.split(" ")));
        Cli r = Cli.execute(all.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE, r.status(), r.err());
        assertTrue(r.errFirstLine().startsWith("racecheck run: " + message), r.errFirstLine());
    }

    @Test
    void commasInFilePathsAreRefused() {
        Cli r = Cli.execute("run", "--report", "/tmp/a,b.json", "-cp", "DIR", "Main");
        assertEquals(ExitCodes.USAGE, r.status());
        assertTrue(r.errFirstLine().startsWith("racecheck run: --report must not contain ','"), r.errFirstLine());
    }
}
