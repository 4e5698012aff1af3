package dev.racecheck.cli.commands;

import dev.racecheck.cli.Embedded;
import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.Style;
import dev.racecheck.cli.Workspace;
import dev.racecheck.cli.launch.AgentOptions;
import dev.racecheck.cli.launch.JavaCommandLine;
import dev.racecheck.cli.launch.JavaExecutable;
import dev.racecheck.cli.samples.Sample;
import dev.racecheck.cli.samples.SampleCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code racecheck demo [NAME]}: lists the built-in sample programs, or explains one, runs it under
 * the agent and says what happened. Exits with the sample program's status.
 */
@Command(name = "demo",
        description = {
                "Without NAME, list the built-in sample programs. With NAME, explain that sample, run it "
                        + "under racecheck and tell what happened; exit with the program's status.",
                ""},
        footer = {"",
                "Examples:",
                "  racecheck demo",
                "  racecheck demo counter",
                "  racecheck demo RaceCounter"})
public final class DemoCommand extends BaseCommand {
    private static final int WIDTH = 78;

    @Parameters(paramLabel = "NAME", arity = "0..1",
            description = "The sample to run: a name from the list (e.g. counter) or its class name (e.g. RaceCounter).")
    String name;

    @Option(names = "--java", paramLabel = "PATH",
            description = "The java executable (default: $JAVA_HOME/bin/java, else java on the PATH).")
    String java;

    /** The samples; loaded once, overridable by tests. */
    private SampleCatalog catalog;

    DemoCommand withCatalog(SampleCatalog catalog) {
        this.catalog = catalog;
        return this;
    }

    SampleCatalog catalog() throws IOException {
        if (catalog == null) {
            catalog = SampleCatalog.load();
        }
        return catalog;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        SampleCatalog samples = catalog();
        if (name == null) {
            list(samples);
            return ExitCodes.OK;
        }
        Sample sample = samples.find(name).orElseThrow(() -> usageError(samples.isEmpty()
                ? "unknown sample '" + name + "': this racecheck-cli build has no samples"
                : "unknown sample '" + name + "'; the samples are: " + String.join(", ", samples.names())));
        return demo(sample);
    }

    private void list(SampleCatalog samples) {
        PrintWriter out = out();
        Style style = style();
        if (samples.isEmpty()) {
            out.println("This racecheck-cli build has no samples.");
            out.flush();
            return;
        }
        out.println(style.heading("Sample programs") + " (run one with: racecheck demo NAME)");
        out.println();
        int nameWidth = samples.samples().stream().mapToInt(s -> s.name().length()).max().orElse(4);
        int expectedWidth = samples.samples().stream().mapToInt(s -> s.expectedShort().length()).max().orElse(7);
        for (Sample s : samples.samples()) {
            String prefix = String.format("  %-" + nameWidth + "s  %-" + expectedWidth + "s  ", s.name(), s.expectedShort());
            out.println(prefix + s.summary() + (s.requiresJdk() > 17 ? " (JDK " + s.requiresJdk() + "+)" : ""));
        }
        out.flush();
    }

    private int demo(Sample sample) throws IOException, InterruptedException {
        String javaExecutable = JavaExecutable.resolve(java);
        int status;
        try (Workspace workspace = Workspace.create()) {
            Path agent = workspace.extractAgent();
            Path samplesJar = workspace.extract(Embedded.SAMPLES_JAR, "samples.jar");
            List<String> command = JavaCommandLine.build(javaExecutable, agent, AgentOptions.DEFAULTS,
                    List.of("-cp", samplesJar.toString(), sample.className()));

            PrintWriter out = out();
            Style style = style();
            out.println(style.heading("== " + sample.name() + " (" + sample.className() + ") =="));
            out.println();
            for (String paragraph : sample.paragraphs()) {
                printWrapped(out, paragraph);
                out.println();
            }
            printWrapped(out, expectation(sample));
            out.println();
            out.println(style.heading("$ java -javaagent:racecheck.jar -cp samples.jar " + sample.className()));
            status = RunCommand.launch(command, workspace, this);
        }
        PrintWriter out = out();
        Style style = style();
        out.println();
        out.println(style.heading("== What happened =="));
        out.println();
        boolean asExpected = sample.expectsReport() ? status == ExitCodes.RACES_FOUND : status == ExitCodes.OK;
        for (String line : Style.wrap(verdict(sample, status), WIDTH)) {
            out.println(asExpected ? style.good(line) : style.warn(line));
        }
        out.flush();
        return status;
    }

    /** What the student should expect, one paragraph. */
    static String expectation(Sample sample) {
        String jdk = sample.requiresJdk() > 17 ? " This sample needs JDK " + sample.requiresJdk()
                + " or newer (choose it with --java)." : "";
        if (sample.expectsDeadlock()) {
            return "Expected: " + sample.expected() + ". racecheck should print a POTENTIAL DEADLOCK report on stderr"
                    + " showing the cycle of locks and, for each thread, where it took each lock, and the program"
                    + " should exit with status " + ExitCodes.RACES_FOUND + "." + jdk;
        }
        if (!sample.expectsRace() && sample.expectedShort().equals("no deadlock")) {
            return "Expected: " + sample.expected() + ". Every thread takes the locks in one order, so racecheck"
                    + " should stay silent and the program should exit with status " + ExitCodes.OK + "." + jdk;
        }
        return (sample.expectsRace()
                ? "Expected: " + sample.expected() + ". racecheck should print a DATA RACE report on stderr "
                + "naming the two conflicting accesses and their threads, and the program should exit with "
                + "status " + ExitCodes.RACES_FOUND + "."
                : "Expected: " + sample.expected() + ". The program is correctly synchronized, so racecheck "
                + "should stay silent and the program should exit with status " + ExitCodes.OK + ".") + jdk;
    }

    /** What happened, given the program's exit status. */
    static String verdict(Sample sample, int status) {
        if (sample.expectsDeadlock() || sample.expectedShort().equals("no deadlock")) {
            if (status == ExitCodes.RACES_FOUND) {
                return sample.expectsDeadlock()
                        ? "racecheck reported a potential deadlock (exit status 66), as expected: this run was lucky,"
                        + " but the report above shows two threads taking the same locks in opposite orders, which"
                        + " another run can turn into threads waiting for each other forever."
                        : "racecheck reported something (exit status 66), but this sample was expected to be free of"
                        + " deadlocks and races. Read the report above: either the sample or racecheck is wrong.";
            }
            if (status == ExitCodes.OK) {
                return sample.expectsDeadlock()
                        ? "No potential deadlock was reported (exit status 0), but this sample was expected to take"
                        + " its locks in opposite orders; that is worth investigating."
                        : "Nothing was reported (exit status 0), as expected: the locks are always taken in one"
                        + " order.";
            }
        }
        if (status == ExitCodes.RACES_FOUND) {
            return sample.expectsRace()
                    ? "racecheck reported a data race (exit status 66), as expected: the report above shows "
                    + "the two accesses that are not ordered by happens-before."
                    : "racecheck reported a data race (exit status 66), but this sample was expected to be "
                    + "race-free. Read the report above: either the sample or racecheck is wrong.";
        }
        if (status == ExitCodes.OK) {
            return sample.expectsRace()
                    ? "No data race was reported (exit status 0), but this sample was expected to race. "
                    + "racecheck only sees the accesses that actually ran; if the report is missing, "
                    + "that is worth investigating."
                    : "No data race was reported (exit status 0), as expected: every access to shared "
                    + "data is ordered by happens-before.";
        }
        return "The program exited with status " + status + " (neither 0, no race, nor 66, races found): "
                + "it failed or was stopped; see its output above.";
    }

    private static void printWrapped(PrintWriter out, String paragraph) {
        for (String line : Style.wrap(paragraph, WIDTH)) {
            out.println(line);
        }
    }
}
