package dev.racecheck.cli;

import dev.racecheck.cli.commands.RootCommand;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/** The {@code racecheck} command line tool: {@code java -jar racecheck-cli.jar <command>}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * The configured command line, writing to {@code out} and {@code err}; {@code execute(args)} returns
     * the exit status (see {@link ExitCodes}).
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        // Arguments starting with '@' are java's (argument files) or the program's, never ours.
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(Style.detect().colors() ? Ansi.ON : Ansi.OFF));
        commandLine.setParameterExceptionHandler(usageErrorHandler());
        commandLine.setExecutionExceptionHandler(executionErrorHandler());

        // racecheck run [options] [--] <java launch args>: the first argument that is not a racecheck
        // option (a JVM option such as -Xmx1g, -cp, -jar, or the main class) starts the java arguments,
        // which then pass through untouched, whatever they look like.
        CommandLine run = commandLine.getSubcommands().get("run");
        run.setUnmatchedOptionsArePositionalParams(true);
        run.setStopAtPositional(true);
        return commandLine;
    }

    /** Usage errors: one line ("racecheck run: why"), then the command's usage, on stderr; exit status 2. */
    private static IParameterExceptionHandler usageErrorHandler() {
        return (ParameterException ex, String[] args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(ex));
            err.println();
            cmd.usage(err, cmd.getColorScheme());
            err.flush();
            return ExitCodes.USAGE;
        };
    }

    private static String oneLine(ParameterException ex) {
        String message = String.valueOf(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException unmatched = (UnmatchedArgumentException) ex;
            List<String> args = unmatched.getUnmatched();
            boolean isRoot = unmatched.getCommandLine().getParent() == null;
            if (isRoot && !args.isEmpty() && !args.get(0).startsWith("-")) {
                message = "unknown command '" + args.get(0) + "'";
            }
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /**
     * Failures while running: one line on stderr, no stack trace. Bad input files (see {@link BadInputException})
     * exit with status 2 like other user errors, but without the usage, which would not help; anything else is
     * unexpected and exits with status 1.
     */
    private static IExecutionExceptionHandler executionErrorHandler() {
        return (Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) -> {
            PrintWriter err = cmd.getErr();
            String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
            err.flush();
            return ex instanceof BadInputException ? ExitCodes.USAGE : ExitCodes.ERROR;
        };
    }
}
