package dev.racecheck.cli.report;

import dev.racecheck.cli.BadInputException;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.ReportFormatException;
import dev.racecheck.reports.json.JsonReportReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading report files and writing rendered ones, with every problem turned into one line that names the file
 * ({@link BadInputException}), never a stack trace.
 */
public final class ReportFiles {

    private ReportFiles() {}

    /** Reads a racecheck JSON report. */
    public static RaceReport read(Path file) {
        String text = readText(file, "report");
        try {
            return JsonReportReader.read(text);
        } catch (ReportFormatException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    /**
     * The whole file as UTF-8 text; {@code what} names the kind of file in messages ("report", "suppressions
     * file").
     */
    public static String readText(Path file, String what) {
        if (Files.isDirectory(file)) throw new BadInputException("cannot read " + what + " " + file + ": it is a directory");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("cannot read " + what + " " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new BadInputException("cannot read " + what + " " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text (is it a racecheck " + what + "?)");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    /**
     * Checks, before any work is done, that {@code file} can be created: its directory exists and it is not itself
     * a directory. {@code option} names the option in the message.
     */
    public static void checkWritable(Path file, String option) {
        if (Files.isDirectory(file)) throw new BadInputException(option + " " + file + ": it is a directory");
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new BadInputException(option + " " + file + ": no such directory " + dir);
        }
    }

    /** Writes {@code text} to {@code file} in UTF-8, replacing it. */
    public static void write(Path file, String text) {
        checkWritable(file, "cannot write");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new BadInputException("cannot write " + file + ": permission denied");
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
