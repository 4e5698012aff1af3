package dev.racecheck.cli.commands;

import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.Style;
import dev.racecheck.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What all racecheck commands share: standard help options, the exit codes, and output only through
 * the picocli spec's writers (so tests can capture it).
 */
@Command(mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.ERROR,
        exitCodeOnSuccess = ExitCodes.OK,
        usageHelpAutoWidth = true)
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Terminal styling for stdout: colours only on a terminal without NO_COLOR. */
    protected Style style() {
        return Style.detect();
    }

    /** A usage error: picocli prints the message as one line, then the usage, and exits with {@link ExitCodes#USAGE}. */
    protected ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Flushes racecheck's own output, e.g. before a child process writes to the same terminal. */
    protected void flush() {
        out().flush();
        err().flush();
    }
}
