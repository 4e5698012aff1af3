package dev.racecheck.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code racecheck}: the top command; it only dispatches to its subcommands. */
@Command(name = "racecheck",
        subcommands = {RunCommand.class, DemoCommand.class, ReportCommand.class, VersionCommand.class,
                CompletionCommand.class, HelpCommand.class},
        description = {
                "A data race detector for Java: runs a program under the racecheck agent, which reports "
                        + "data races on stderr and makes the program exit with status 66 if it found any "
                        + "(like 'go run -race').",
                ""},
        footer = {"",
                "Examples:",
                "  racecheck run -cp build/classes com.example.Main arg1 arg2",
                "  racecheck run --halt-on-error -jar app.jar",
                "  racecheck run --report races.json --out races.html -jar app.jar",
                "  racecheck report races.json --out races.sarif --source-path src/main/java",
                "  racecheck demo",
                "  racecheck demo counter"})
public final class RootCommand extends BaseCommand {

    @Override
    public Integer call() {
        throw usageError("missing command: run, demo, report, version, completion or help");
    }
}
