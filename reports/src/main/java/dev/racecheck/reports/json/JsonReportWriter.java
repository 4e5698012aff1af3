package dev.racecheck.reports.json;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.LockInfo;
import dev.racecheck.reports.Prediction;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.ThreadInfo;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link RaceReport} as JSON, format version {@link RaceReport#FORMAT_VERSION}: pretty-printed with a
 * two-space indent, fields in a fixed order ({@code formatVersion} first), every field present (absent values as
 * {@code null}), a final newline. The format is described in the module's README and in
 * {@code dev/racecheck/reports/racecheck-report.schema.json}.
 *
 * <p>The text is meant to be stored as UTF-8; {@link #write(RaceReport, Path)} does so.
 */
public final class JsonReportWriter {

    private JsonReportWriter() {}

    /**
     * The report as JSON text, ending with a newline.
     *
     * @throws IllegalArgumentException if {@code report.formatVersion()} is not {@link RaceReport#FORMAT_VERSION}
     *                                  (this writer produces that version's layout only and must not label it as
     *                                  another), or if a value the format requires is {@code null} (the reader would
     *                                  reject the file, so it is refused here, where the bug is)
     */
    public static String toJson(RaceReport report) {
        if (report.formatVersion() != RaceReport.FORMAT_VERSION) {
            throw new IllegalArgumentException("cannot write formatVersion " + report.formatVersion()
                    + "; this writer produces formatVersion " + RaceReport.FORMAT_VERSION);
        }
        StringBuilder sb = new StringBuilder(4096);
        Json.write(report(report), sb, 0);
        return sb.append('\n').toString();
    }

    /** Appends {@link #toJson(RaceReport)} to {@code out}. */
    public static void write(RaceReport report, Appendable out) throws IOException {
        out.append(toJson(report));
    }

    /** Writes the report to {@code file} in UTF-8, replacing it if it exists. */
    public static void write(RaceReport report, Path file) throws IOException {
        String json = toJson(report); // before opening, so a bad report leaves no empty file behind
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(json);
        }
    }

    // The maps below fix the field order. Keep them, JsonReportReader, the schema and README.md in step.

    private static Map<String, Object> report(RaceReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", r.formatVersion());
        m.put("tool", required(r.tool(), "tool"));
        m.put("command", r.command());
        m.put("exitStatus", r.exitStatus());
        List<Object> races = new ArrayList<>();
        for (int i = 0; i < r.races().size(); i++) races.add(race(r.races().get(i), "races[" + i + "]"));
        m.put("races", races);
        List<Object> deadlocks = new ArrayList<>();
        for (int i = 0; i < r.deadlocks().size(); i++) {
            deadlocks.add(deadlock(r.deadlocks().get(i), "deadlocks[" + i + "]"));
        }
        m.put("deadlocks", deadlocks);
        return m;
    }

    private static Map<String, Object> race(Race r, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target(required(r.target(), path + ".target"), path + ".target"));
        m.put("current", access(required(r.current(), path + ".current"), path + ".current"));
        m.put("previous", access(required(r.previous(), path + ".previous"), path + ".previous"));
        List<Object> threads = new ArrayList<>();
        for (int i = 0; i < r.threads().size(); i++) {
            threads.add(thread(r.threads().get(i), path + ".threads[" + i + "]"));
        }
        m.put("threads", threads);
        m.put("occurrences", r.occurrences());
        m.put("predicted", r.predicted() == null ? null : prediction(r.predicted(), path + ".predicted"));
        m.put("seed", r.seed());
        return m;
    }

    private static Map<String, Object> prediction(Prediction p, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lock", lock(required(p.lock(), path + ".lock"), path + ".lock"));
        m.put("releasedAt", frames(p.releasedAt(), path + ".releasedAt"));
        m.put("acquiredAt", frames(p.acquiredAt(), path + ".acquiredAt"));
        return m;
    }

    private static Map<String, Object> deadlock(Deadlock d, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", enumName(required(d.kind(), path + ".kind")));
        List<Object> edges = new ArrayList<>();
        for (int i = 0; i < d.edges().size(); i++) edges.add(edge(d.edges().get(i), path + ".edges[" + i + "]"));
        m.put("edges", edges);
        List<Object> threads = new ArrayList<>();
        for (int i = 0; i < d.threads().size(); i++) {
            threads.add(thread(d.threads().get(i), path + ".threads[" + i + "]"));
        }
        m.put("threads", threads);
        m.put("occurrences", d.occurrences());
        return m;
    }

    private static Map<String, Object> edge(Deadlock.Edge e, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", e.thread());
        m.put("acquired", lock(required(e.acquired(), path + ".acquired"), path + ".acquired"));
        m.put("acquiredAt", frames(e.acquiredAt(), path + ".acquiredAt"));
        m.put("held", lock(required(e.held(), path + ".held"), path + ".held"));
        m.put("heldAt", frames(e.heldAt(), path + ".heldAt"));
        return m;
    }

    private static Map<String, Object> lock(LockInfo l, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", enumName(required(l.kind(), path + ".kind")));
        m.put("instance", required(l.instance(), path + ".instance"));
        return m;
    }

    private static Map<String, Object> target(Target t, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", enumName(required(t.kind(), path + ".kind")));
        m.put("owner", required(t.owner(), path + ".owner"));
        m.put("name", required(t.name(), path + ".name"));
        m.put("instance", t.instance());
        return m;
    }

    private static Map<String, Object> access(Access a, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", enumName(required(a.kind(), path + ".kind")));
        m.put("thread", a.thread());
        m.put("stack", frames(a.stack(), path + ".stack"));
        return m;
    }

    private static Map<String, Object> thread(ThreadInfo t, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", required(t.name(), path + ".name"));
        m.put("alive", t.alive());
        m.put("startedAt", frames(t.startedAt(), path + ".startedAt"));
        return m;
    }

    private static List<Object> frames(List<Frame> frames, String path) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            String at = path + "[" + i + "]";
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("className", required(f.className(), at + ".className"));
            m.put("methodName", required(f.methodName(), at + ".methodName"));
            m.put("fileName", f.fileName());
            m.put("line", f.line());
            m.put("module", f.module());
            list.add(m);
        }
        return list;
    }

    private static <T> T required(T value, String path) {
        if (value == null) throw new IllegalArgumentException(path + " is null but the report format requires it");
        return value;
    }

    /** Enum constants are written in lower case ({@code "static_field"}, {@code "write"}). */
    static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
