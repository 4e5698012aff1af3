package dev.racecheck.reports.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.Samples;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.ThreadInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {

    @Test
    void rendersTheGoStyleBlock() throws IOException {
        StringWriter out = new StringWriter();
        TextRenderer.render(Samples.counterRace(), out);
        assertEquals("""
                ==================
                WARNING: DATA RACE
                Write of field demo.Counter.value (demo.Counter@1b6d3586) by thread "worker-2" (T3):
                  at demo.Counter.next(Counter.java:12)
                  at demo.RaceCounter.lambda$main$0(RaceCounter.java:21)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Previous read of field demo.Counter.value by thread "worker-1" (T2):
                  at demo.Counter.next(Counter.java:11)
                  at demo.RaceCounter.lambda$main$0(RaceCounter.java:21)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Thread "worker-2" (T3, running) started at:
                  at demo.RaceCounter.main(RaceCounter.java:24)

                Thread "worker-1" (T2, finished) started at:
                  at demo.RaceCounter.main(RaceCounter.java:24)
                ==================
                """, out.toString());
    }

    @Test
    void staticFieldHasNoInstanceAndThreadsWithoutStartSiteAreExplained() {
        assertEquals("""
                ==================
                WARNING: DATA RACE
                Write of static field demo.Main.total by thread "main" (T1):
                  at demo.Main.main(Main.java:7)

                Previous write of static field demo.Main.total by thread "pool-1" (T5):
                  at demo.Main.lambda$main$0(Main.java:4)

                Thread "main" (T1, running) is the main thread.

                Thread "pool-1" (T5, finished) was started before racecheck could see it.
                ==================
                """, TextRenderer.render(Samples.staticRace()));
    }

    @Test
    void arrayElementUnknownLinesAndEmptyStack() {
        assertEquals("""
                ==================
                WARNING: DATA RACE
                Read of element [3] of int[] (int[]@1b6d) by thread "reader" (T4):
                  at demo.Hist.get(Unknown Source)
                  at demo.Hist.run(Hist.java)

                Previous write of element [3] of int[] by thread "writer" (T2):
                  [no frames]

                Thread "reader" (T4, running) started at:
                  at demo.Hist.main(Hist.java:30)

                Thread "writer" (T2, running) started at:
                  at demo.Hist.main(Hist.java:29)
                ==================
                """, TextRenderer.render(Samples.arrayRace()));
    }

    @Test
    void containerRaceNamesTheClassAndBothOperations() {
        assertEquals("""
                ==================
                WARNING: DATA RACE
                Write of java.util.HashMap (java.util.HashMap@5e2de80c) by thread "writer" (T2) in HashMap.put:
                  at java.util.HashMap.put(HashMap.java)
                  at demo.Registry.add(Registry.java:14)
                  at demo.Registry.lambda$main$0(Registry.java:25)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Previous read of java.util.HashMap by thread "main" (T1) in HashMap.get:
                  at java.util.HashMap.get(HashMap.java)
                  at demo.Registry.find(Registry.java:18)
                  at demo.Registry.main(Registry.java:28)

                Thread "writer" (T2, finished) started at:
                  at demo.Registry.main(Registry.java:26)

                Thread "main" (T1, running) is the main thread.
                ==================
                """, TextRenderer.render(Samples.containerRace()));
    }

    @Test
    void oddThreadNamesCannotBreakTheLayout() {
        Frame f = new Frame("demo.A", "run", "A.java", 1);
        Race race = new Race(new Target(Target.Kind.STATIC_FIELD, "demo.A", "x", null),
                new Access(AccessKind.WRITE, 2, List.of(f)),
                new Access(AccessKind.READ, 7, List.of(f)),
                List.of(new ThreadInfo(2, "say \"hi\"\n\\", true, List.of())),
                1);
        assertEquals("""
                ==================
                WARNING: DATA RACE
                Write of static field demo.A.x by thread "say \\"hi\\"\\n\\\\" (T2):
                  at demo.A.run(A.java:1)

                Previous read of static field demo.A.x by unknown thread (T7):
                  at demo.A.run(A.java:1)

                Thread "say \\"hi\\"\\n\\\\" (T2, running) was started before racecheck could see it.
                ==================
                """, TextRenderer.render(race));
        assertEquals("\"tab\\there\\u0001\"", TextRenderer.quote("tab\there\u0001"));
    }

    @Test
    void summary() throws IOException {
        assertEquals("racecheck: found 0 data race(s)", TextRenderer.summary(0));
        assertEquals("racecheck: found 1 data race(s)", TextRenderer.summary(1));
        StringBuilder sb = new StringBuilder();
        TextRenderer.summary(12, sb);
        assertEquals("racecheck: found 12 data race(s)\n", sb.toString());
    }

    @Test
    void wholeReportIsEveryBlockThenTheSummary() throws IOException {
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "demo.Main",
                List.of(Samples.counterRace(), Samples.staticRace()), 66);
        StringBuilder sb = new StringBuilder();
        TextRenderer.render(report, sb);
        assertEquals(TextRenderer.render(Samples.counterRace()) + TextRenderer.render(Samples.staticRace())
                + "racecheck: found 2 data race(s)\n", sb.toString());

        sb.setLength(0);
        TextRenderer.render(new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", null, List.of(), 0), sb);
        assertEquals("racecheck: found 0 data race(s)\n", sb.toString());
    }

    @Test
    void oneLine() {
        assertEquals("Write of field demo.Counter.value by thread \"worker-2\" (T3) at demo.Counter.next(Counter.java:12)"
                        + " conflicts with a previous read by thread \"worker-1\" (T2) at demo.Counter.next(Counter.java:11)",
                TextRenderer.oneLine(Samples.counterRace()));
        assertEquals("Read of element [3] of int[] by thread \"reader\" (T4) at demo.Hist.get(Unknown Source)"
                        + " conflicts with a previous write by thread \"writer\" (T2)",
                TextRenderer.oneLine(Samples.arrayRace()), "an empty stack has no 'at'");
        assertEquals("Write of java.util.HashMap by thread \"writer\" (T2) in HashMap.put at"
                        + " demo.Registry.add(Registry.java:14) conflicts with a previous read by thread \"main\" (T1)"
                        + " in HashMap.get at demo.Registry.find(Registry.java:18)",
                TextRenderer.oneLine(Samples.containerRace()), "the racy line is the program's, below the operation");
    }
}
