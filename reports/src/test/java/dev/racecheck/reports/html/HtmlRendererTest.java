package dev.racecheck.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.Samples;
import dev.racecheck.reports.SourceFile;
import dev.racecheck.reports.SourceLookup;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.TestFrames;
import dev.racecheck.reports.ThreadInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private static final RaceReport TWO_RACES = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0",
            "demo.RaceCounter", List.of(Samples.counterRace(), Samples.staticRace()), 66);

    /** demo/Counter.java, 20 lines: "code 1;" ... "code 20;". */
    private static final SourceLookup COUNTER_SOURCES = frame -> {
        if (!"demo/Counter.java".equals(SourceLookup.relativePath(frame))) return Optional.empty();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) lines.add("code " + i + ";");
        return Optional.of(new SourceFile("src/main/java/demo/Counter.java", lines));
    };

    private static String html(RaceReport report, SourceLookup sources) throws IOException {
        StringWriter out = new StringWriter();
        HtmlRenderer.render(report, sources, out);
        return out.toString();
    }

    /** Text with tags removed and the entities this renderer writes decoded: what a reader sees. */
    private static String visible(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&middot;", "·").replace("&ndash;", "–").replace("&amp;", "&");
    }

    @Test
    void isOneSelfContainedPage() throws IOException {
        String html = html(TWO_RACES, COUNTER_SOURCES);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
        assertTrue(html.endsWith("</html>\n"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        // No script and nothing loaded from elsewhere: no src, no stylesheet link, no CSS import or url().
        for (String forbidden : List.of("<script", "<link", " src=", "@import", "url(", "http://", "https://")) {
            assertFalse(html.contains(forbidden), "found " + forbidden);
        }
        assertEquals(1, count(html, "<style>"));
    }

    @Test
    void summaryHeader() throws IOException {
        String text = visible(html(TWO_RACES, SourceLookup.NONE));
        assertTrue(text.contains("racecheck found 2 data races"), text);
        assertTrue(text.contains("Programdemo.RaceCounter"), text);
        assertTrue(text.contains("Exit status66"), text);
        assertTrue(text.contains("2 distinct, 4 occurrences in all"), text);
        assertTrue(text.contains("field demo.Counter.value – write at Counter.java:12 / previous read at Counter.java:11,"
                + " once"), text);
        assertTrue(text.contains("static field demo.Main.total – write at Main.java:7 / previous write at Main.java:4,"
                + " 3 times"), text);
    }

    @Test
    void oneCardPerRaceWithBothAccessesSideBySide() throws IOException {
        String html = html(TWO_RACES, SourceLookup.NONE);
        assertEquals(2, count(html, "<section class=\"race\""));
        assertEquals(2, count(html, "<div class=\"sides\">"));
        assertEquals(2, count(html, "<article class=\"access current "));
        assertEquals(2, count(html, "<article class=\"access previous "));
        assertTrue(html.contains("<article class=\"access current write\">"));
        assertTrue(html.contains("<article class=\"access previous read\">"));
        assertTrue(html.contains("grid-template-columns: minmax(0, 1fr) minmax(0, 1fr)"), "two columns");
        String text = visible(html);
        assertTrue(text.contains("Race 1 of 2 Data race on field demo.Counter.value"), text);
        assertTrue(text.contains("object demo.Counter@1b6d3586 · seen once · fingerprint "
                + Fingerprint.of(Samples.counterRace())), text);
        assertTrue(text.contains("Write by thread \"worker-2\" (T3)"), text);
        assertTrue(text.contains("Previous read by thread \"worker-1\" (T2)"), text);
    }

    @Test
    void bothStacksWithTheRacyFrameHighlighted() throws IOException {
        String html = html(TWO_RACES, SourceLookup.NONE);
        Section counter = Section.of(html, 1);
        assertEquals(List.of("demo.Counter.next(Counter.java:12)", "demo.RaceCounter.lambda$main$0(RaceCounter.java:21)",
                        "java.base/java.lang.Thread.run(Thread.java:840)"),
                counter.stackItems(0));
        assertEquals(List.of("demo.Counter.next(Counter.java:11)", "demo.RaceCounter.lambda$main$0(RaceCounter.java:21)",
                        "java.base/java.lang.Thread.run(Thread.java:840)"),
                counter.stackItems(2), "the previous access's stack (index 1 is the current thread's start)");
        assertEquals(2, count(counter.html, "<li class=\"racy\">"), "one racy frame per access");
        assertTrue(counter.html.contains("<li class=\"racy\">demo.<wbr>Counter.<wbr>next(<wbr>Counter.java:12)</li>"),
                "line breaks at the joints of the name, none in the file name");
        assertTrue(counter.html.contains("<li class=\"jdk\">java.<wbr>base/"), "JDK frames are dimmed");
    }

    @Test
    void aContainerRaceNamesBothOperationsAndHighlightsTheProgramsLine() throws IOException {
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "demo.Registry",
                List.of(Samples.containerRace()), 66);
        String html = html(report, SourceLookup.NONE);
        String text = visible(html);
        assertTrue(text.contains("java.util.HashMap – write in HashMap.put at Registry.java:14 / previous read in"
                + " HashMap.get at Registry.java:18, once"), text);
        assertTrue(text.contains("Race 1 of 1 Data race on java.util.HashMap"), text);
        assertTrue(text.contains("Write by thread \"writer\" (T2) in HashMap.put"), text);
        assertTrue(text.contains("Previous read by thread \"main\" (T1) in HashMap.get"), text);
        assertTrue(text.contains("at demo.Registry.add(Registry.java:14)"), text);
        Section race = Section.of(html, 1);
        assertEquals("java.util.HashMap.put(HashMap.java)", race.stackItems(0).get(0));
        assertEquals(2, count(race.html, "<li class=\"racy\">"), "one racy frame per access");
        assertTrue(race.html.contains("<li class=\"racy\">demo.<wbr>Registry.<wbr>add(<wbr>Registry.java:14)</li>"),
                race.html);
    }

    @Test
    void threadStartStacksAndThreadsWithoutOne() throws IOException {
        String text = visible(html(TWO_RACES, SourceLookup.NONE));
        assertTrue(text.contains("Thread \"worker-2\" (T3, running) started at"), text);
        assertTrue(text.contains("Thread \"worker-1\" (T2, finished) started at"), text);
        assertTrue(text.contains("demo.RaceCounter.main(RaceCounter.java:24)"), text);
        assertTrue(text.contains("Thread \"main\" (T1, running) is the main thread."), text);
        assertTrue(text.contains("Thread \"pool-1\" (T5, finished) was started before racecheck could see it."), text);
    }

    @Test
    void racySourceLinesWithContextWhenFound() throws IOException {
        String html = html(TWO_RACES, COUNTER_SOURCES);
        Section counter = Section.of(html, 1);
        assertEquals(2, count(counter.html, "<figure class=\"source\">"), "both accesses are in Counter.java");
        assertTrue(counter.html.contains("<figcaption>src/<wbr>main/<wbr>java/<wbr>demo/<wbr>Counter.java</figcaption>"));
        // Current access: line 12 with 3 lines either side, the racy one marked.
        String current = counter.html.substring(counter.html.indexOf("<figure"), counter.html.indexOf("</figure>"));
        assertTrue(current.contains("<span class=\"line\"><span class=\"ln\"> 9</span>code 9;\n</span>"), current);
        assertTrue(current.contains("<span class=\"line racy\"><span class=\"ln\">12</span>code 12;\n</span>"));
        assertTrue(current.contains("<span class=\"ln\">15</span>code 15;"));
        assertFalse(current.contains("<span class=\"ln\"> 8</span>"));
        assertFalse(current.contains("<span class=\"ln\">16</span>"));
        assertEquals(1, count(current, "racy"));
        // Previous access: line 11.
        assertTrue(counter.html.contains("<span class=\"line racy\"><span class=\"ln\">11</span>code 11;\n</span>"));
        // The static race's files are not found: no source block there.
        assertFalse(Section.of(html, 2).html.contains("<figure"));
        assertFalse(html(TWO_RACES, SourceLookup.NONE).contains("<figure"));
    }

    @Test
    void sourceContextIsClippedAtTheFileEdges() throws IOException {
        Race atTop = new Race(Samples.counterRace().target(),
                new Access(AccessKind.WRITE, 3, List.of(new Frame("demo.Counter", "next", "Counter.java", 1))),
                new Access(AccessKind.READ, 2, List.of(new Frame("demo.Counter", "next", "Counter.java", 20))),
                Samples.counterRace().threads(), 1);
        String html = html(new RaceReport(1, "0.1.0", null, List.of(atTop), null), COUNTER_SOURCES);
        assertTrue(html.contains("<span class=\"line racy\"><span class=\"ln\">1</span>code 1;"), html);
        assertTrue(html.contains("<span class=\"line racy\"><span class=\"ln\">20</span>code 20;"), html);
        // A line beyond the end of the file (stale sources) shows no block rather than a wrong one.
        Race beyond = new Race(atTop.target(),
                new Access(AccessKind.WRITE, 3, List.of(new Frame("demo.Counter", "next", "Counter.java", 99))),
                new Access(AccessKind.READ, 2, List.of()), atTop.threads(), 1);
        assertFalse(html(new RaceReport(1, "0.1.0", null, List.of(beyond), null), COUNTER_SOURCES).contains("<figure"));
    }

    @Test
    void everythingFromTheReportIsEscaped() throws IOException {
        String evil = "<script>alert('x')</script>&\"";
        Race race = new Race(new Target(Target.Kind.FIELD, "demo.A<T>", "f", "demo.A@1"),
                new Access(AccessKind.WRITE, 2, List.of(new Frame("demo.A<T>", "<init>", "A.java", 1))),
                new Access(AccessKind.READ, 1, List.of()),
                List.of(new ThreadInfo(2, evil, true, List.of()), new ThreadInfo(1, "main\u0007", true, List.of())), 1);
        String html = html(new RaceReport(1, "0.1.0", evil, List.of(race), null), frame ->
                Optional.of(new SourceFile("src/" + evil + ".java", List.of(evil))));
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<init>"), html);
        assertFalse(html.contains("demo.A<T>"), html);
        assertFalse(html.contains("\u0007"), "control characters are shown as escapes");
        String text = visible(html);
        assertTrue(text.contains("thread \"" + evil.replace("\"", "\\\"") + "\" (T2)"), text);
        assertTrue(text.contains("demo.A<T>.<init>(A.java:1)"), text);
        assertTrue(text.contains("Thread \"main\\u0007\" (T1, running) is the main thread."), text);
        assertTrue(text.contains("[no frames]"), "an empty stack says so");
    }

    @Test
    void noRaces() throws IOException {
        String text = visible(html(new RaceReport(1, "0.1.0", "demo.Clean", List.of(), 0), SourceLookup.NONE));
        assertTrue(text.contains("racecheck found no data race"), text);
        assertTrue(text.contains("0 distinct, 0 occurrences in all"), text);
    }

    private static final RaceReport DEADLOCKS_AND_PREDICTED = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0",
            "bank.Bank", List.of(Samples.predictedRace(), Samples.raceInATest()),
            List.of(Samples.potentialDeadlock(), Samples.actualDeadlock()), 66);

    @Test
    void deadlocksGetCardsWithEachEdgesStacksSideBySide() throws IOException {
        String html = html(DEADLOCKS_AND_PREDICTED, SourceLookup.NONE);
        String text = visible(html);
        assertTrue(text.contains("racecheck found 2 data races and 2 deadlocks"), text);
        RaceReport onlyPotential = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(),
                List.of(Samples.potentialDeadlock()), 66);
        assertTrue(visible(html(onlyPotential, SourceLookup.NONE)).contains("racecheck found 1 potential deadlock"));
        assertTrue(text.contains("Deadlocks1 potential, 1 actual"), text);
        assertTrue(html.contains("<a href=\"#deadlock-1\">potential deadlock</a>"), html);
        assertTrue(html.contains("<a href=\"#deadlock-2\">deadlock</a>"), html);
        assertEquals(2, count(html, "<section class=\"race deadlock\""));

        String potential = between(html, "id=\"deadlock-1\"", "</section>");
        String shown = visible(potential);
        assertTrue(shown.contains("Potential deadlock (lock-order inversion)"), shown);
        assertTrue(shown.contains("Cycle: monitor bank.Account@1b6d3586 => monitor bank.Account@4554617c => monitor"
                + " bank.Account@1b6d3586"), shown);
        assertTrue(shown.contains("fingerprint " + Fingerprint.of(Samples.potentialDeadlock())), shown);
        assertEquals(2, count(potential, "<div class=\"sides edge\">"), "one row per edge");
        assertEquals(4, count(potential, "<article class=\"access lockside\">"), "two stacks side by side per edge");
        assertTrue(shown.contains("Monitor bank.Account@4554617c acquired while holding monitor bank.Account@1b6d3586"
                + " by thread \"t1\" (T2)"), shown);
        assertTrue(shown.contains("Monitor bank.Account@1b6d3586 previously acquired by thread \"t1\" (T2)"), shown);
        assertTrue(shown.contains("Thread \"t2\" (T3, finished) started at"), shown);

        String actual = visible(between(html, "id=\"deadlock-2\"", "</section>"));
        assertTrue(actual.contains("Deadlock: threads blocked in a cycle"), actual);
        assertTrue(actual.contains("Blocked: thread \"indexer\" (T5) waits for"
                + " java.util.concurrent.locks.ReentrantLock@6d06d69c while holding write lock of"), actual);
        assertTrue(actual.contains("Lock java.util.concurrent.locks.ReentrantLock@6d06d69c held by thread \"loader\""
                + " (T4), acquired"), actual);
        assertTrue(actual.contains("[no frames]"), "the loader's hold is not known");
        assertTrue(between(html, "id=\"deadlock-2\"", "</section>").contains(
                "<li class=\"racy\">demo.<wbr>Cache.<wbr>evict("), "the program's frame is highlighted, not lock()");
    }

    @Test
    void aPredictedRaceShowsTheLockThatOrderedItAndItsSeed() throws IOException {
        String html = html(DEADLOCKS_AND_PREDICTED, SourceLookup.NONE);
        String card = Section.of(html, 1).html;
        String text = visible(card);
        assertTrue(text.contains("Predicted data race on field demo.Counter.value"), text);
        assertTrue(text.contains("found with schedule seed 42 (replay it: racecheck run --seed 42 ...)"), text);
        assertTrue(text.contains("Predicted: in this run the two accesses were ordered only by unrelated critical"
                + " sections on monitor demo.Bank@4554617c"), text);
        assertTrue(card.contains("<div class=\"sides lock\">"), card);
        assertTrue(text.contains("Release of monitor demo.Bank@4554617c by thread \"worker-1\" (T2), after the"
                + " previous read"), text);
        assertTrue(text.contains("Acquisition of monitor demo.Bank@4554617c by thread \"worker-2\" (T3), before the"
                + " write"), text);
        assertEquals(List.of("demo.Bank.audit(Bank.java:30)", "demo.Counter.next(Counter.java:11)"),
                Section.of(html, 1).stackItems(4));
        assertTrue(visible(html).contains("field demo.Counter.value – write at Counter.java:12 / previous read at"
                + " Counter.java:11, 2 times, predicted"), visible(html));
        assertFalse(Section.of(html, 2).html.contains("Predicted"));
    }

    @Test
    void testFrameworkFramesAreOneDimmedItemUnlessKept() throws IOException {
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(Samples.raceInATest()), 66);
        Section card = Section.of(html(report, SourceLookup.NONE), 1);
        assertEquals(List.of("demo.Counter.next(Counter.java:12)", "demo.CounterTest.counts(CounterTest.java:20)",
                "... 20 frames of the test framework"), card.stackItems(0));
        assertTrue(card.html.contains("<li class=\"elided\">... 20 frames of the test framework</li>"));
        StringWriter out = new StringWriter();
        HtmlRenderer.render(report, SourceLookup.NONE, TestFrames.KEEP, out);
        assertEquals(22, Section.of(out.toString(), 1).stackItems(0).size());
        assertFalse(out.toString().contains("frames of the test framework"));
    }

    private static String between(String s, String from, String to) {
        int start = s.indexOf(from);
        int end = s.indexOf(to, start);
        assertTrue(start >= 0 && end > start, "no " + from);
        return s.substring(start, end);
    }

    @Test
    void isDeterministic() throws IOException {
        assertEquals(html(TWO_RACES, COUNTER_SOURCES), html(TWO_RACES, COUNTER_SOURCES));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    /** The HTML of one race's card. */
    private record Section(String html) {
        static Section of(String page, int number) {
            int start = page.indexOf("<section class=\"race\" id=\"race-" + number + "\">");
            int end = page.indexOf("</section>", start);
            assertTrue(start >= 0 && end > start, "no section " + number);
            return new Section(page.substring(start, end));
        }

        /** The visible frames of the {@code index}-th stack list in this card. */
        List<String> stackItems(int index) {
            Matcher lists = Pattern.compile("<ol class=\"stack\">(.*?)</ol>", Pattern.DOTALL).matcher(html);
            for (int i = 0; i <= index; i++) assertTrue(lists.find(), "fewer than " + (index + 1) + " stacks");
            List<String> items = new ArrayList<>();
            Matcher li = Pattern.compile("<li[^>]*>(.*?)</li>").matcher(lists.group(1));
            while (li.find()) items.add(visible(li.group(1)));
            return items;
        }
    }
}
