package dev.racecheck.reports.json;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.LockInfo;
import dev.racecheck.reports.Prediction;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.ReportFormatException;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.ThreadInfo;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON written by {@link JsonReportWriter} back into a {@link RaceReport}.
 *
 * <p>Strict about syntax (RFC 8259, no extensions) and about the fields it knows: each must have the documented
 * type, and fields that are not nullable must be present. Nullable fields may be omitted. Unknown fields are
 * ignored, because adding a field is a compatible change that does not increment {@code formatVersion}. Reports
 * with a {@code formatVersion} newer than {@link RaceReport#FORMAT_VERSION} are rejected before anything else is
 * looked at, since their layout is unknown. Older versions are read into the current model: a version 1 report
 * (before deadlocks and predicted races) has no deadlocks and only races seen in the run, and the report read has
 * {@code formatVersion} {@link RaceReport#FORMAT_VERSION}, so that it can be written again.
 *
 * <p>Every problem is a {@link ReportFormatException} whose one-line message gives the line and column, what was
 * expected and what was found.
 */
public final class JsonReportReader {

    private JsonReportReader() {}

    /** Parses a report from JSON text. */
    public static RaceReport read(String json) throws ReportFormatException {
        JsonNode root = JsonParser.parse(json);
        JsonNode.Obj report = object(root, "the report");
        checkVersion(report);
        return report(report);
    }

    /** Reads all of {@code in} and parses it as a report. Does not close {@code in}. */
    public static RaceReport read(Reader in) throws IOException, ReportFormatException {
        StringBuilder sb = new StringBuilder(8192);
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) >= 0; ) sb.append(buf, 0, n);
        return read(sb.toString());
    }

    /** Reads a UTF-8 report file. */
    public static RaceReport read(Path file) throws IOException, ReportFormatException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void checkVersion(JsonNode.Obj report) throws ReportFormatException {
        JsonNode v = report.members().get("formatVersion");
        if (v == null) {
            throw error(report, "expected field \"formatVersion\" in the report but found none"
                    + " (is this a racecheck JSON report?)");
        }
        int version = integer(v, "formatVersion");
        if (version > RaceReport.FORMAT_VERSION) {
            throw error(v, "expected formatVersion " + RaceReport.FORMAT_VERSION + " or lower but found " + version
                    + ": the report was written by a newer racecheck");
        }
        if (version < 1) throw error(v, "expected formatVersion 1 or higher but found " + version);
    }

    // Fields are bound in the order the writer puts them, so that the first error reported is the first in the file.

    private static RaceReport report(JsonNode.Obj o) throws ReportFormatException {
        String tool = string(required(o, "tool", ""), "tool");
        String command = string(optional(o, "command"), "command");
        JsonNode exit = optional(o, "exitStatus");
        Integer exitStatus = exit == null ? null : integer(exit, "exitStatus");
        List<JsonNode> items = array(required(o, "races", ""), "races");
        List<Race> races = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) races.add(race(items.get(i), "races[" + i + "]"));
        // Version 2 on; a version 1 report has none, and a report may leave out a field that would be empty.
        JsonNode deadlockNode = optional(o, "deadlocks");
        List<JsonNode> deadlockItems = deadlockNode == null ? List.of() : array(deadlockNode, "deadlocks");
        List<Deadlock> deadlocks = new ArrayList<>(deadlockItems.size());
        for (int i = 0; i < deadlockItems.size(); i++) {
            deadlocks.add(deadlock(deadlockItems.get(i), "deadlocks[" + i + "]"));
        }
        return new RaceReport(RaceReport.FORMAT_VERSION, tool, command, races, deadlocks, exitStatus);
    }

    private static Race race(JsonNode n, String path) throws ReportFormatException {
        JsonNode.Obj o = object(n, path);
        Target target = target(required(o, "target", path), path + ".target");
        Access current = access(required(o, "current", path), path + ".current");
        Access previous = access(required(o, "previous", path), path + ".previous");
        List<JsonNode> items = array(required(o, "threads", path), path + ".threads");
        List<ThreadInfo> threads = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) threads.add(thread(items.get(i), path + ".threads[" + i + "]"));
        long occurrences = longInteger(required(o, "occurrences", path), path + ".occurrences");
        JsonNode predictedNode = optional(o, "predicted");
        Prediction predicted = predictedNode == null ? null : prediction(predictedNode, path + ".predicted");
        JsonNode seedNode = optional(o, "seed");
        Long seed = seedNode == null ? null : longInteger(seedNode, path + ".seed");
        return new Race(target, current, previous, threads, occurrences, predicted, seed);
    }

    private static Prediction prediction(JsonNode n, String path) throws ReportFormatException {
        JsonNode.Obj o = object(n, path);
        return new Prediction(
                lock(required(o, "lock", path), path + ".lock"),
                frames(required(o, "releasedAt", path), path + ".releasedAt"),
                frames(required(o, "acquiredAt", path), path + ".acquiredAt"));
    }

    private static Deadlock deadlock(JsonNode n, String path) throws ReportFormatException {
        JsonNode.Obj o = object(n, path);
        Deadlock.Kind kind = enumValue(Deadlock.Kind.class, required(o, "kind", path), path + ".kind");
        List<JsonNode> edgeItems = array(required(o, "edges", path), path + ".edges");
        List<Deadlock.Edge> edges = new ArrayList<>(edgeItems.size());
        for (int i = 0; i < edgeItems.size(); i++) edges.add(edge(edgeItems.get(i), path + ".edges[" + i + "]"));
        List<JsonNode> threadItems = array(required(o, "threads", path), path + ".threads");
        List<ThreadInfo> threads = new ArrayList<>(threadItems.size());
        for (int i = 0; i < threadItems.size(); i++) {
            threads.add(thread(threadItems.get(i), path + ".threads[" + i + "]"));
        }
        long occurrences = longInteger(required(o, "occurrences", path), path + ".occurrences");
        return new Deadlock(kind, edges, threads, occurrences);
    }

    private static Deadlock.Edge edge(JsonNode n, String path) throws ReportFormatException {
        JsonNode.Obj o = object(n, path);
        return new Deadlock.Edge(
                longInteger(required(o, "thread", path), path + ".thread"),
                lock(required(o, "acquired", path), path + ".acquired"),
                frames(required(o, "acquiredAt", path), path + ".acquiredAt"),
                lock(required(o, "held", path), path + ".held"),
                frames(required(o, "heldAt", path), path + ".heldAt"));
    }

    private static LockInfo lock(JsonNode n, String path) throws ReportFormatException {
        JsonNode.Obj o = object(n, path);
        return new LockInfo(
                enumValue(LockInfo.Kind.class, required(o, "kind", path), path + ".kind"),
                string(required(o, "instance", path), path + ".instance"));
    }

    private static Target target(JsonNode n, String path) throws ReportFormatException {
        JsonNode.Obj o = object(n, path);
        return new Target(
                enumValue(Target.Kind.class, required(o, "kind", path), path + ".kind"),
                string(required(o, "owner", path), path + ".owner"),
                string(required(o, "name", path), path + ".name"),
                string(optional(o, "instance"), path + ".instance"));
    }

    private static Access access(JsonNode n, String path) throws ReportFormatException {
        JsonNode.Obj o = object(n, path);
        return new Access(
                enumValue(AccessKind.class, required(o, "kind", path), path + ".kind"),
                longInteger(required(o, "thread", path), path + ".thread"),
                frames(required(o, "stack", path), path + ".stack"));
    }

    private static ThreadInfo thread(JsonNode n, String path) throws ReportFormatException {
        JsonNode.Obj o = object(n, path);
        return new ThreadInfo(
                longInteger(required(o, "id", path), path + ".id"),
                string(required(o, "name", path), path + ".name"),
                bool(required(o, "alive", path), path + ".alive"),
                frames(required(o, "startedAt", path), path + ".startedAt"));
    }

    private static List<Frame> frames(JsonNode n, String path) throws ReportFormatException {
        List<JsonNode> items = array(n, path);
        List<Frame> frames = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode.Obj o = object(items.get(i), at);
            frames.add(new Frame(
                    string(required(o, "className", at), at + ".className"),
                    string(required(o, "methodName", at), at + ".methodName"),
                    string(optional(o, "fileName"), at + ".fileName"),
                    integer(required(o, "line", at), at + ".line"),
                    string(optional(o, "module"), at + ".module")));
        }
        return frames;
    }

    // Accessors. Each names the JSON path of the value in its message, so the reader of the error knows which of
    // the many "name" fields is meant.

    private static JsonNode required(JsonNode.Obj o, String field, String path) throws ReportFormatException {
        JsonNode n = o.members().get(field);
        if (n == null) {
            String where = path.isEmpty() ? "the report" : path;
            throw error(o, "expected field \"" + field + "\" in " + where + " but found none");
        }
        if (n instanceof JsonNode.Null) {
            throw error(n, "expected a value for " + (path.isEmpty() ? "" : path + ".") + field + " but found null");
        }
        return n;
    }

    /** A nullable field: {@code null} when absent or JSON {@code null}. */
    private static JsonNode optional(JsonNode.Obj o, String field) {
        JsonNode n = o.members().get(field);
        return n instanceof JsonNode.Null ? null : n;
    }

    private static JsonNode.Obj object(JsonNode n, String path) throws ReportFormatException {
        if (n instanceof JsonNode.Obj o) return o;
        throw mismatch(n, "an object", path);
    }

    private static List<JsonNode> array(JsonNode n, String path) throws ReportFormatException {
        if (n instanceof JsonNode.Arr a) return a.items();
        throw mismatch(n, "an array", path);
    }

    private static String string(JsonNode n, String path) throws ReportFormatException {
        if (n == null) return null;
        if (n instanceof JsonNode.Str s) return s.value();
        throw mismatch(n, "a string", path);
    }

    private static boolean bool(JsonNode n, String path) throws ReportFormatException {
        if (n instanceof JsonNode.Bool b) return b.value();
        throw mismatch(n, "true or false", path);
    }

    private static int integer(JsonNode n, String path) throws ReportFormatException {
        long v = longInteger(n, path);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(n, "expected a 32-bit integer for " + path + " but found " + v);
        }
        return (int) v;
    }

    private static long longInteger(JsonNode n, String path) throws ReportFormatException {
        if (!(n instanceof JsonNode.Num num)) throw mismatch(n, "an integer", path);
        String text = num.text();
        // Integers only: 1.0 or 1e3 for a count or line number means the file was not written by racecheck.
        boolean integral = text.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'));
        if (integral) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                throw error(n, "expected a 64-bit integer for " + path + " but found "
                        + JsonParser.abbreviate(text));
            }
        }
        throw error(n, "expected an integer for " + path + " but found " + JsonParser.abbreviate(text));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String path)
            throws ReportFormatException {
        String s = string(n, path);
        StringBuilder expected = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String name = JsonReportWriter.enumName(e);
            if (name.equals(s)) return e;
            expected.append(expected.length() == 0 ? "" : " or ").append('"').append(name).append('"');
        }
        throw error(n, "expected " + expected + " for " + path + " but found "
                + Json.quote(JsonParser.abbreviate(s)));
    }

    private static ReportFormatException mismatch(JsonNode n, String expected, String path) {
        return error(n, "expected " + expected + " for " + path + " but found " + article(n.typeName()));
    }

    private static String article(String typeName) {
        return switch (typeName) {
            case "null" -> "null";
            case "boolean" -> "a boolean";
            case "array", "object" -> "an " + typeName;
            default -> "a " + typeName;
        };
    }

    private static ReportFormatException error(JsonNode at, String detail) {
        return new ReportFormatException(at.line(), at.column(), detail);
    }
}
