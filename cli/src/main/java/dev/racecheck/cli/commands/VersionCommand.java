package dev.racecheck.cli.commands;

import dev.racecheck.cli.ExitCodes;
import dev.racecheck.cli.VersionProvider;
import picocli.CommandLine.Command;

/** {@code racecheck version}: prints {@code racecheck <version>}. */
@Command(name = "version", description = "Print the racecheck version.")
public final class VersionCommand extends BaseCommand {

    @Override
    public Integer call() {
        out().println(VersionProvider.versionLine());
        out().flush();
        return ExitCodes.OK;
    }
}
