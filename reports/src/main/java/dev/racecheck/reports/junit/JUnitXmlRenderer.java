package dev.racecheck.reports.junit;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.LockInfo;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.TestFrames;
import dev.racecheck.reports.text.TextRenderer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link RaceReport} as a JUnit XML test report in the shape Maven Surefire writes
 * ({@code TEST-*.xml}), which Jenkins, GitLab, Azure DevOps and Surefire's own report tooling read:
 *
 * <pre>
 * &lt;testsuite name="racecheck" tests="2" failures="2" errors="0" skipped="0" time="0"&gt;
 *   &lt;properties&gt;...&lt;/properties&gt;
 *   &lt;testcase name="data race on field demo.Counter.value" classname="demo.Counter" time="0"&gt;
 *     &lt;failure message="Write of field ... conflicts with a previous read ..." type="DataRace"&gt;
 *       (the race's text block)
 *     &lt;/failure&gt;
 *   &lt;/testcase&gt;
 * &lt;/testsuite&gt;
 * </pre>
 *
 * <p>One failing test case per race. Its class name is the class of the racy frame of the access that revealed the
 * race (the target's class when that stack is empty), so CI dashboards group races by the class to fix; its name is
 * {@code data race on <variable>}; when several races in the report are on the same variable, the kind and method
 * of both accesses follow in parentheses, and should even that not tell them apart, the race's {@link Fingerprint}
 * in brackets, and for the same race at other lines, a number (test names must be unique, and should stay the same
 * across runs for CI's test history).
 *
 * <p>One failing test case per deadlock, after the races: named {@code potential deadlock: monitor bank.Account =>
 * monitor bank.Customer => monitor bank.Account} (the cycle's locks without their identity hashes; {@code deadlock:
 * ...} for an actual deadlock), made unique the same way; its class name is the class of the first acquisition's
 * innermost frame of the program; the failure's type is {@value #POTENTIAL_DEADLOCK_TYPE} or
 * {@value #DEADLOCK_TYPE}, its text the deadlock's text block.
 *
 * <p>A report without races and deadlocks has one passing test case, {@code no data race}, because several CI
 * servers treat a test report without any test case as an error. Text blocks elide the test framework's frames
 * unless told to keep them ({@link TestFrames}).
 *
 * <p>The output is UTF-8 XML 1.0, everything escaped; characters XML 1.0 cannot carry at all (most control
 * characters, unpaired surrogates) are written as a backslash, {@code u} and four hex digits, as Java escapes
 * them. Formatting only.
 */
public final class JUnitXmlRenderer {

    /** The suite's name. */
    public static final String SUITE = "racecheck";

    /** The failure type of every race. */
    public static final String FAILURE_TYPE = "DataRace";

    /** The failure type of a potential deadlock. */
    public static final String POTENTIAL_DEADLOCK_TYPE = "PotentialDeadlock";

    /** The failure type of an actual deadlock. */
    public static final String DEADLOCK_TYPE = "Deadlock";

    private JUnitXmlRenderer() {}

    /** Appends the XML document for {@code report}, ending with a newline. */
    public static void render(RaceReport report, Appendable out) throws IOException {
        out.append(toXml(report));
    }

    /** Appends the XML document for {@code report}; {@code frames} says whether the text shows test framework frames. */
    public static void render(RaceReport report, TestFrames frames, Appendable out) throws IOException {
        out.append(toXml(report, frames));
    }

    /** The XML document for {@code report}, ending with a newline. */
    public static String toXml(RaceReport report) {
        return toXml(report, TestFrames.ELIDE);
    }

    /** The XML document for {@code report}, ending with a newline; {@code frames}: as in the text renderer. */
    public static String toXml(RaceReport report, TestFrames frames) {
        List<Race> races = report.races();
        List<Deadlock> deadlocks = report.deadlocks();
        List<String> names = testNames(races);
        List<String> deadlockNames = deadlockNames(deadlocks);
        int failures = races.size() + deadlocks.size();

        StringBuilder sb = new StringBuilder(4096);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        // The schema reference and version attribute are what Surefire 3 writes; readers ignore them if unknown.
        sb.append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd\"")
                .append(" version=\"3.0\"");
        attr(sb, "name", SUITE);
        attr(sb, "time", "0");
        attr(sb, "tests", Integer.toString(Math.max(1, failures)));
        attr(sb, "errors", "0");
        attr(sb, "skipped", "0");
        attr(sb, "failures", Integer.toString(failures));
        sb.append(">\n");

        sb.append("  <properties>\n");
        property(sb, "racecheck.version", report.tool());
        property(sb, "racecheck.command", report.command());
        property(sb, "racecheck.exitStatus", report.exitStatus() == null ? null : report.exitStatus().toString());
        property(sb, "racecheck.races", Integer.toString(races.size()));
        property(sb, "racecheck.deadlocks", Integer.toString(deadlocks.size()));
        sb.append("  </properties>\n");

        if (failures == 0) {
            sb.append("  <testcase");
            attr(sb, "name", "no data race");
            attr(sb, "classname", SUITE);
            attr(sb, "time", "0");
            sb.append("/>\n");
        }
        for (int i = 0; i < races.size(); i++) {
            Race race = races.get(i);
            sb.append("  <testcase");
            attr(sb, "name", names.get(i));
            attr(sb, "classname", className(race));
            attr(sb, "time", "0");
            sb.append(">\n    <failure");
            attr(sb, "message", TextRenderer.oneLine(race));
            attr(sb, "type", FAILURE_TYPE);
            sb.append('>');
            // The block as the agent prints it: what a developer reading the CI page expects to see.
            text(sb, TextRenderer.render(race, frames));
            sb.append("</failure>\n");
            if (race.occurrences() > 1) {
                sb.append("    <system-out>");
                text(sb, "This race occurred " + race.occurrences() + " times in the run.\n");
                sb.append("</system-out>\n");
            }
            sb.append("  </testcase>\n");
        }
        for (int i = 0; i < deadlocks.size(); i++) {
            Deadlock d = deadlocks.get(i);
            sb.append("  <testcase");
            attr(sb, "name", deadlockNames.get(i));
            attr(sb, "classname", className(d));
            attr(sb, "time", "0");
            sb.append(">\n    <failure");
            attr(sb, "message", TextRenderer.oneLine(d));
            attr(sb, "type", d.kind() == Deadlock.Kind.POTENTIAL ? POTENTIAL_DEADLOCK_TYPE : DEADLOCK_TYPE);
            sb.append('>');
            text(sb, TextRenderer.render(d, frames));
            sb.append("</failure>\n");
            if (d.occurrences() > 1) {
                sb.append("    <system-out>");
                text(sb, "This cycle was seen " + d.occurrences() + " times.\n");
                sb.append("</system-out>\n");
            }
            sb.append("  </testcase>\n");
        }
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    /**
     * Unique test names, as plain as possible: the base name; for races on the same variable, the detailed name;
     * for races the detailed name does not tell apart, the fingerprint too; for races with the same fingerprint
     * (the same code pair at different lines of the same methods), a number from the second on.
     */
    private static List<String> testNames(List<Race> races) {
        Map<String, Integer> perBase = new HashMap<>();
        Map<String, Integer> perDetailed = new HashMap<>();
        for (Race r : races) {
            perBase.merge(baseName(r), 1, Integer::sum);
            perDetailed.merge(detailedName(r), 1, Integer::sum);
        }
        List<String> names = new ArrayList<>(races.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Race race : races) {
            String name = baseName(race);
            if (perBase.get(name) > 1) {
                name = detailedName(race);
                if (perDetailed.get(name) > 1) name += " [" + Fingerprint.of(race) + "]";
            }
            int n = seen.merge(name, 1, Integer::sum);
            names.add(n == 1 ? name : name + " #" + n);
        }
        return names;
    }

    /**
     * Unique names for deadlocks: the cycle's locks without identity hashes, stable across runs; the fingerprint when
     * two share that, then a number.
     */
    private static List<String> deadlockNames(List<Deadlock> deadlocks) {
        Map<String, Integer> perBase = new HashMap<>();
        for (Deadlock d : deadlocks) perBase.merge(baseName(d), 1, Integer::sum);
        List<String> names = new ArrayList<>(deadlocks.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Deadlock d : deadlocks) {
            String name = baseName(d);
            if (perBase.get(name) > 1) name += " [" + Fingerprint.of(d) + "]";
            int n = seen.merge(name, 1, Integer::sum);
            names.add(n == 1 ? name : name + " #" + n);
        }
        return names;
    }

    /** {@code potential deadlock: monitor bank.Account => write lock of java.util.concurrent.locks.ReentrantReadWriteLock => ...}. */
    private static String baseName(Deadlock d) {
        StringBuilder sb = new StringBuilder(d.kind() == Deadlock.Kind.POTENTIAL ? "potential deadlock: " : "deadlock: ");
        boolean first = true;
        for (LockInfo lock : d.cycle()) {
            if (!first) sb.append(" => ");
            first = false;
            sb.append(new LockInfo(lock.kind(), lock.className()).describe());
        }
        return sb.toString();
    }

    /** The class of the first acquisition's frame of the program; the first lock's class without one. */
    private static String className(Deadlock d) {
        if (d.edges().isEmpty()) return SUITE;
        Deadlock.Edge first = d.edges().get(0);
        return first.acquiredFrame() != null ? first.acquiredFrame().className() : first.acquired().className();
    }

    private static String baseName(Race race) {
        return "data race on " + race.target().describe();
    }

    /**
     * The base name with the kind and method of both accesses, {@code data race on field demo.Counter.value (read in
     * Counter.next, previous write in Counter.next)}: what tells apart races on the same variable, built from what the
     * fingerprint is built from, so that it is as stable.
     */
    private static String detailedName(Race race) {
        return baseName(race) + " (" + race.current().kind().lower() + in(race, race.current())
                + ", previous " + race.previous().kind().lower() + in(race, race.previous()) + ")";
    }

    /** {@code " in Counter.next"}; for a container access {@code " HashMap.put in Registry.add"}. */
    private static String in(Race race, Access a) {
        Frame f = race.racyFrame(a);
        String operation = race.operation(a);
        String prefix = operation == null ? "" : " " + operation;
        if (f == null || operation != null && a.stack().size() < 2) return prefix;
        String cls = f.className();
        return prefix + " in " + cls.substring(cls.lastIndexOf('.') + 1) + "." + f.methodName();
    }

    private static String className(Race race) {
        Frame f = race.racyFrame(race.current());
        // Array types are no class a dashboard can group by; "int[]" would still do no harm.
        return f == null ? race.target().owner() : f.className();
    }

    private static void property(StringBuilder sb, String name, String value) {
        if (value == null) return;
        sb.append("    <property");
        attr(sb, "name", name);
        attr(sb, "value", value);
        sb.append("/>\n");
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"");
        escape(sb, value, true);
        sb.append('"');
    }

    private static void text(StringBuilder sb, String value) {
        escape(sb, value, false);
    }

    /**
     * Appends {@code s} escaped for XML content or a double-quoted attribute. In attributes, line breaks and tabs
     * are written as character references, since XML parsers normalize literal ones to spaces.
     */
    static void escape(StringBuilder sb, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;"); // needed only after "]]", escaped always for simplicity
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;"); // a literal CR would be normalized away even in content
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xfffe || c == 0xffff) {
                        // Not allowed in XML 1.0, not even as a character reference.
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
