package dev.racecheck.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

/** Runs {@link Main#commandLine} in memory: exit status, stdout and stderr. */
public record Cli(int status, String out, String err) {

    public static Cli execute(String... args) {
        return execute(cl -> { }, args);
    }

    /** Like {@link #execute(String...)}, after {@code setup} adjusted the command line (e.g. injected test data). */
    public static Cli execute(Consumer<CommandLine> setup, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        setup.accept(cl);
        int status = cl.execute(args);
        return new Cli(status, out.toString(), err.toString());
    }

    /** The first line of stderr. */
    public String errFirstLine() {
        return err.lines().findFirst().orElse("");
    }
}
