package dev.racecheck.reports.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.Samples;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.TestFrames;
import dev.racecheck.reports.ThreadInfo;
import dev.racecheck.reports.text.TextRenderer;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlRendererTest {

    private static final RaceReport TWO_RACES = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0",
            "demo.RaceCounter", List.of(Samples.counterRace(), Samples.staticRace()), 66);

    private static String xml(RaceReport report) throws Exception {
        StringWriter out = new StringWriter();
        JUnitXmlRenderer.render(report, out);
        return out.toString();
    }

    /** Parses with the JDK's DOM parser, namespace-aware and without fetching anything. */
    private static Document dom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ReportTestSuite> surefire(String xml) throws Exception {
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        return parser.parse(new InputStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    }

    @Test
    void oneFailingTestCasePerRace() throws Exception {
        Element suite = dom(xml(TWO_RACES)).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("racecheck", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));

        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals("data race on field demo.Counter.value", first.getAttribute("name"));
        assertEquals("demo.Counter", first.getAttribute("classname"), "class of the current access's racy frame");
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals("DataRace", failure.getAttribute("type"));
        assertEquals(TextRenderer.oneLine(Samples.counterRace()), failure.getAttribute("message"));
        assertEquals(TextRenderer.render(Samples.counterRace()), failure.getTextContent());

        Element second = (Element) cases.item(1);
        assertEquals("data race on static field demo.Main.total", second.getAttribute("name"));
        assertEquals("demo.Main", second.getAttribute("classname"));
        assertEquals("This race occurred 3 times in the run.\n",
                second.getElementsByTagName("system-out").item(0).getTextContent());
    }

    @Test
    void propertiesCarryTheRun() throws Exception {
        NodeList props = dom(xml(TWO_RACES)).getElementsByTagName("property");
        assertEquals("racecheck.version", ((Element) props.item(0)).getAttribute("name"));
        assertEquals("0.1.0", ((Element) props.item(0)).getAttribute("value"));
        assertEquals("demo.RaceCounter", ((Element) props.item(1)).getAttribute("value"));
        assertEquals("66", ((Element) props.item(2)).getAttribute("value"));
    }

    @Test
    void surefiresReportParserReadsIt() throws Exception {
        // Surefire's parser groups test cases by class name, as its HTML report shows them: one group per class.
        List<ReportTestSuite> suites = surefire(xml(TWO_RACES));
        assertEquals(List.of("demo.Counter", "demo.Main"),
                suites.stream().map(ReportTestSuite::getFullClassName).toList());
        assertEquals(2, suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum());
        assertEquals(2, suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum());
        assertEquals(0, suites.stream().mapToInt(ReportTestSuite::getNumberOfErrors).sum());
        ReportTestCase c = suites.get(0).getTestCases().get(0);
        assertTrue(c.hasFailure());
        assertEquals("data race on field demo.Counter.value", c.getName());
        assertEquals("demo.Counter", c.getFullClassName());
        assertEquals("DataRace", c.getFailureType());
        assertEquals(TextRenderer.oneLine(Samples.counterRace()), c.getFailureMessage());
        assertTrue(c.getFailureDetail().contains("Previous read of field demo.Counter.value"), c.getFailureDetail());
        assertEquals("data race on static field demo.Main.total", suites.get(1).getTestCases().get(0).getName());
    }

    @Test
    void oneFailingTestCasePerDeadlockAfterTheRaces() throws Exception {
        Deadlock twice = Samples.potentialDeadlock().withOccurrences(2);
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "bank.Bank",
                List.of(Samples.predictedRace()), List.of(twice, Samples.actualDeadlock()), 66);
        String xml = xml(report);
        Element suite = dom(xml).getDocumentElement();
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("3", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        Element potential = (Element) cases.item(1);
        assertEquals("potential deadlock: monitor bank.Account => monitor bank.Account => monitor bank.Account",
                potential.getAttribute("name"), "no identity hashes: the name stays the same across runs");
        assertEquals("bank.Account", potential.getAttribute("classname"));
        Element failure = (Element) potential.getElementsByTagName("failure").item(0);
        assertEquals("PotentialDeadlock", failure.getAttribute("type"));
        assertEquals(TextRenderer.oneLine(twice), failure.getAttribute("message"));
        assertEquals(TextRenderer.render(twice), failure.getTextContent());
        assertEquals("This cycle was seen 2 times.\n",
                potential.getElementsByTagName("system-out").item(0).getTextContent());
        Element actual = (Element) cases.item(2);
        assertEquals("deadlock: java.util.concurrent.locks.ReentrantLock => write lock of"
                + " java.util.concurrent.locks.ReentrantReadWriteLock => java.util.concurrent.locks.ReentrantLock",
                actual.getAttribute("name"));
        assertEquals("demo.Index", actual.getAttribute("classname"));
        assertEquals("Deadlock", ((Element) actual.getElementsByTagName("failure").item(0)).getAttribute("type"));

        Element predicted = (Element) cases.item(0);
        Element raceFailure = (Element) predicted.getElementsByTagName("failure").item(0);
        assertTrue(raceFailure.getAttribute("message").endsWith("(schedule seed 42)"), raceFailure.getAttribute("message"));
        assertTrue(raceFailure.getTextContent().startsWith("==================\nWARNING: DATA RACE (predicted: "));

        List<ReportTestSuite> suites = surefire(xml);
        assertEquals(3, suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum());
        NodeList props = suite.getElementsByTagName("property");
        assertEquals("racecheck.deadlocks", ((Element) props.item(4)).getAttribute("name"));
        assertEquals("2", ((Element) props.item(4)).getAttribute("value"));
    }

    @Test
    void deadlocksOnTheSameLockClassesGetDistinctNames() throws Exception {
        Deadlock d = Samples.potentialDeadlock();
        Deadlock elsewhere = new Deadlock(d.kind(), List.of(new Deadlock.Edge(2, Samples.ACCOUNT_B,
                List.of(new Frame("bank.Account", "merge", "Account.java", 40)), Samples.ACCOUNT_A, List.of()),
                d.edges().get(1)), d.threads(), 1);
        NodeList cases = dom(xml(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(),
                List.of(d, elsewhere, d), 66))).getElementsByTagName("testcase");
        String base = "potential deadlock: monitor bank.Account => monitor bank.Account => monitor bank.Account";
        assertEquals(base + " [" + Fingerprint.of(d) + "]", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals(base + " [" + Fingerprint.of(elsewhere) + "]", ((Element) cases.item(1)).getAttribute("name"));
        assertEquals(base + " [" + Fingerprint.of(d) + "] #2", ((Element) cases.item(2)).getAttribute("name"));
    }

    @Test
    void testFrameworkFramesAreElidedInTheFailureTextUnlessKept() throws Exception {
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(Samples.raceInATest()), 66);
        String elided = dom(xml(report)).getElementsByTagName("failure").item(0).getTextContent();
        assertEquals(TextRenderer.render(Samples.raceInATest()), elided);
        assertTrue(elided.contains("  ... 20 frames of the test framework\n"), elided);
        StringWriter out = new StringWriter();
        JUnitXmlRenderer.render(report, TestFrames.KEEP, out);
        assertEquals(TextRenderer.render(Samples.raceInATest(), TestFrames.KEEP),
                dom(out.toString()).getElementsByTagName("failure").item(0).getTextContent());
    }

    @Test
    void noRaceIsOnePassingTestCase() throws Exception {
        String xml = xml(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "demo.Clean", List.of(), 0));
        Element suite = dom(xml).getDocumentElement();
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        ReportTestCase only = surefire(xml).get(0).getTestCases().get(0);
        assertTrue(only.isSuccessful());
        assertEquals("no data race", only.getName());
    }

    @Test
    void racesOnTheSameVariableGetDistinctStableNames() throws Exception {
        Race reset = new Race(Samples.counterRace().target(),
                new Access(AccessKind.WRITE, 3, List.of(new Frame("demo.Counter", "reset", "Counter.java", 20))),
                new Access(AccessKind.WRITE, 2, List.of(new Frame("demo.Counter", "reset", "Counter.java", 20))),
                Samples.counterRace().threads(), 1);
        Race sameButMovedLines = Samples.counterRace(5);
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null,
                List.of(Samples.counterRace(), reset, Samples.staticRace(), sameButMovedLines), null);
        NodeList cases = dom(xml(report)).getElementsByTagName("testcase");
        assertEquals("data race on field demo.Counter.value (write in Counter.next, previous read in Counter.next) ["
                + Fingerprint.of(Samples.counterRace()) + "]", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals("data race on field demo.Counter.value (write in Counter.reset, previous write in Counter.reset)",
                ((Element) cases.item(1)).getAttribute("name"), "kinds and methods tell it apart");
        assertEquals("data race on static field demo.Main.total", ((Element) cases.item(2)).getAttribute("name"),
                "unique names stay plain");
        // The same code pair at other lines (the same fingerprint): numbered.
        assertEquals(((Element) cases.item(0)).getAttribute("name") + " #2", ((Element) cases.item(3)).getAttribute("name"));
    }

    @Test
    void aContainerRaceIsFiledUnderTheClassOfItsRacyLine() throws Exception {
        Race other = new Race(Samples.containerRace().target(), Samples.containerRace().current(),
                new Access(AccessKind.WRITE, 1, List.of(new Frame("java.util.HashMap", "clear", "HashMap.java", -1),
                        new Frame("demo.Registry", "reset", "Registry.java", 40))),
                Samples.containerRace().threads(), 1);
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null,
                List.of(Samples.containerRace(), other), 66);
        NodeList cases = dom(xml(report)).getElementsByTagName("testcase");
        Element first = (Element) cases.item(0);
        assertEquals("demo.Registry", first.getAttribute("classname"), "the program's class, not HashMap");
        assertEquals("data race on java.util.HashMap (write HashMap.put in Registry.add, previous read HashMap.get in"
                + " Registry.find)", first.getAttribute("name"));
        assertEquals("data race on java.util.HashMap (write HashMap.put in Registry.add, previous write HashMap.clear in"
                + " Registry.reset)", ((Element) cases.item(1)).getAttribute("name"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals(TextRenderer.oneLine(Samples.containerRace()), failure.getAttribute("message"));
        assertEquals(TextRenderer.render(Samples.containerRace()), failure.getTextContent());
    }

    @Test
    void everythingIsEscaped() throws Exception {
        String nasty = "<b>&\"'\n\t]]>\u0001\ud800";
        Race race = new Race(new Target(Target.Kind.FIELD, "demo.A<T>", "f&g", "demo.A@1"),
                new Access(AccessKind.WRITE, 2, List.of(new Frame("demo.A<T>", "run\"", "A.java", 1))),
                new Access(AccessKind.READ, 1, List.of()),
                List.of(new ThreadInfo(2, nasty, true, List.of()), new ThreadInfo(1, "main", true, List.of())), 1);
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "cmd <&> \"x\"", List.of(race), 66);
        String xml = xml(report);
        assertFalse(xml.contains("<b>"), xml);
        Document doc = dom(xml); // well-formed despite everything
        Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
        assertEquals("data race on field demo.A<T>.f&g", testcase.getAttribute("name"));
        assertEquals("demo.A<T>", testcase.getAttribute("classname"));
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        // The block's own quoting already escapes control characters in thread names; the rest survives as is.
        assertTrue(failure.getAttribute("message").contains("thread \"<b>&\\\"'\\n\\t]]>\\u0001\\ud800\" (T2)"),
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("demo.A<T>.run\"(A.java:1)"), failure.getTextContent());
        assertEquals("cmd <&> \"x\"", ((Element) doc.getElementsByTagName("property").item(1)).getAttribute("value"));
        assertEquals(1, surefire(xml).get(0).getNumberOfFailures());
    }

    @Test
    void charactersXmlCannotCarryAreWrittenAsEscapes() {
        StringBuilder sb = new StringBuilder();
        JUnitXmlRenderer.escape(sb, "a\u0000b\r\nc\ud83d\ude00\uffff", true);
        assertEquals("a\\u0000b&#13;&#10;c\ud83d\ude00\\uffff", sb.toString());
        sb.setLength(0);
        JUnitXmlRenderer.escape(sb, "x\ty\n\"", false);
        assertEquals("x\ty\n\"", sb.toString());
    }
}
