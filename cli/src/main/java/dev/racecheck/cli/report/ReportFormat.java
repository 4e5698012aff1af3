package dev.racecheck.cli.report;

import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.SourceLookup;
import dev.racecheck.reports.TestFrames;
import dev.racecheck.reports.html.HtmlRenderer;
import dev.racecheck.reports.json.JsonReportWriter;
import dev.racecheck.reports.junit.JUnitXmlRenderer;
import dev.racecheck.reports.sarif.SarifRenderer;
import dev.racecheck.reports.text.TextRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The formats {@code racecheck report} and {@code racecheck run --format} write, each backed by one renderer. */
public enum ReportFormat {
    /** The Go-style blocks the agent prints (races, then deadlocks), then the summary line. */
    TEXT(".txt"),
    /** racecheck's own JSON report format (the agent's {@code report_json}). */
    JSON(".json"),
    /** SARIF 2.1.0, for GitHub code scanning and SARIF viewers. */
    SARIF(".sarif", ".sarif.json"),
    /** JUnit XML as Surefire writes it, for CI test report pages. */
    JUNIT(".xml"),
    /** One self-contained HTML page. */
    HTML(".html", ".htm");

    private final List<String> extensions;

    ReportFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** The name on the command line: {@code text}, {@code sarif}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Renders {@code report} with the test framework's frames elided from the stacks of the formats people read;
     * {@code sources} is used by the formats that show or point to source files.
     */
    public void render(RaceReport report, SourceLookup sources, Appendable out) throws IOException {
        render(report, sources, TestFrames.ELIDE, out);
    }

    /**
     * Renders {@code report}; {@code frames} says whether the stacks of text, JUnit XML and HTML show the test
     * framework's frames (JSON and SARIF always keep every frame).
     */
    public void render(RaceReport report, SourceLookup sources, TestFrames frames, Appendable out) throws IOException {
        switch (this) {
            case TEXT -> TextRenderer.render(report, frames, out);
            case JSON -> JsonReportWriter.write(report, out);
            case SARIF -> SarifRenderer.render(report, sources, out);
            case JUNIT -> JUnitXmlRenderer.render(report, frames, out);
            case HTML -> HtmlRenderer.render(report, sources, frames, out);
        }
    }

    /** The format a file name's extension implies ({@code .sarif}, {@code .html}, ...), or {@code null}. */
    public static ReportFormat byFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) return null;
        String lower = name.toString().toLowerCase(Locale.ROOT);
        // Longest extension first, so that ".sarif.json" is SARIF and not JSON.
        ReportFormat best = null;
        int bestLength = 0;
        for (ReportFormat f : values()) {
            for (String ext : f.extensions) {
                if (lower.endsWith(ext) && ext.length() > bestLength) {
                    best = f;
                    bestLength = ext.length();
                }
            }
        }
        return best;
    }

    /** The names, for messages: {@code text, json, sarif, junit or html}. */
    public static String names() {
        List<String> ids = new ArrayList<>();
        for (ReportFormat f : values()) ids.add(f.id());
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    /** Picocli converter: accepts the names in any case; anything else gets a message listing them. */
    public static final class Converter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            for (ReportFormat f : values()) {
                if (f.id().equalsIgnoreCase(value.strip())) return f;
            }
            throw new TypeConversionException("unknown format '" + value + "' (expected " + names() + ")");
        }
    }

    /** Picocli completion candidates and the {@code ${COMPLETION-CANDIDATES}} of the help text. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> ids = new ArrayList<>();
            for (ReportFormat f : values()) ids.add(f.id());
            return ids.iterator();
        }
    }
}
