package dev.racecheck.reports.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.Samples;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.TestFrames;
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
    void summaryNamesDeadlocksOnlyWhenThereAreSome() {
        assertEquals("racecheck: found 3 data race(s)", TextRenderer.summary(3, 0), "unchanged: users match it");
        assertEquals("racecheck: found 3 data race(s), 1 potential deadlock(s)", TextRenderer.summary(3, 1));
        assertEquals("racecheck: found 0 data race(s), 2 potential deadlock(s)", TextRenderer.summary(0, 2));
    }

    @Test
    void potentialDeadlockBlock() {
        assertEquals("""
                ==================
                WARNING: POTENTIAL DEADLOCK (lock-order inversion)
                Cycle: monitor bank.Account@1b6d3586 => monitor bank.Account@4554617c => monitor bank.Account@1b6d3586

                Monitor bank.Account@4554617c acquired while holding monitor bank.Account@1b6d3586 by thread "t1" (T2):
                  at bank.Account.transfer(Account.java:14)
                  at bank.Bank.lambda$main$0(Bank.java:9)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Monitor bank.Account@1b6d3586 previously acquired by the same thread at:
                  at bank.Account.transfer(Account.java:12)
                  at bank.Bank.lambda$main$0(Bank.java:9)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Monitor bank.Account@1b6d3586 acquired while holding monitor bank.Account@4554617c by thread "t2" (T3):
                  at bank.Account.transfer(Account.java:14)
                  at bank.Bank.lambda$main$1(Bank.java:10)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Monitor bank.Account@4554617c previously acquired by the same thread at:
                  at bank.Account.transfer(Account.java:12)
                  at bank.Bank.lambda$main$1(Bank.java:10)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Thread "t1" (T2, finished) started at:
                  at bank.Bank.main(Bank.java:11)

                Thread "t2" (T3, finished) started at:
                  at bank.Bank.main(Bank.java:12)
                ==================
                """, TextRenderer.render(Samples.potentialDeadlock()));
    }

    @Test
    void actualDeadlockBlockNamesWhoHoldsWhatEachThreadWaitsFor() {
        assertEquals("""
                ==================
                WARNING: DEADLOCK
                Cycle: java.util.concurrent.locks.ReentrantLock@6d06d69c => write lock of java.util.concurrent.locks.ReentrantReadWriteLock@7852e922 => java.util.concurrent.locks.ReentrantLock@6d06d69c

                Blocked: thread "loader" (T4) waits for write lock of java.util.concurrent.locks.ReentrantReadWriteLock@7852e922 while holding java.util.concurrent.locks.ReentrantLock@6d06d69c:
                  at demo.Index.put(Index.java:40)
                  at demo.Cache.load(Cache.java:21)

                Write lock of java.util.concurrent.locks.ReentrantReadWriteLock@7852e922 is held by thread "indexer" (T5), which acquired it at:
                  at demo.Index.rebuild(Index.java:50)

                Blocked: thread "indexer" (T5) waits for java.util.concurrent.locks.ReentrantLock@6d06d69c while holding write lock of java.util.concurrent.locks.ReentrantReadWriteLock@7852e922:
                  at java.base/java.util.concurrent.locks.ReentrantLock.lock(ReentrantLock.java:322)
                  at demo.Cache.evict(Cache.java:33)
                  at demo.Index.rebuild(Index.java:52)

                Lock java.util.concurrent.locks.ReentrantLock@6d06d69c is held by thread "loader" (T4); where it acquired it is not known.

                Thread "loader" (T4, running) was started before racecheck could see it.

                Thread "indexer" (T5, running) started at:
                  at demo.Main.main(Main.java:8)
                ==================
                """, TextRenderer.render(Samples.actualDeadlock()));
    }

    @Test
    void aPotentialDeadlockWithoutTheHeldLocksStackSaysSo() {
        Deadlock d = Samples.potentialDeadlock();
        Deadlock.Edge e = d.edges().get(0);
        Deadlock partial = new Deadlock(d.kind(), List.of(new Deadlock.Edge(e.thread(), e.acquired(),
                e.acquiredAt(), e.held(), List.of())), d.threads(), 1);
        assertTrue(TextRenderer.render(partial).contains("""

                Monitor bank.Account@1b6d3586 was acquired earlier by the same thread; where is not known.

                """), TextRenderer.render(partial));
        assertEquals("Cycle: monitor bank.Account@1b6d3586 => monitor bank.Account@4554617c",
                TextRenderer.render(partial).lines().skip(2).findFirst().orElseThrow(), "an open chain is shown as is");
    }

    @Test
    void predictedRaceWithSeed() {
        assertEquals("""
                ==================
                WARNING: DATA RACE (predicted: the accesses were ordered in this run only by unrelated critical sections on monitor demo.Bank@4554617c)
                Write of field demo.Counter.value (demo.Counter@1b6d3586) by thread "worker-2" (T3):
                  at demo.Counter.next(Counter.java:12)
                  at demo.RaceCounter.lambda$main$0(RaceCounter.java:21)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Previous read of field demo.Counter.value by thread "worker-1" (T2):
                  at demo.Counter.next(Counter.java:11)
                  at demo.RaceCounter.lambda$main$0(RaceCounter.java:21)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Release of monitor demo.Bank@4554617c by thread "worker-1" (T2), after the previous read:
                  at demo.Bank.audit(Bank.java:30)
                  at demo.Counter.next(Counter.java:11)

                Acquisition of monitor demo.Bank@4554617c by thread "worker-2" (T3), before the write:
                  at demo.Bank.audit(Bank.java:28)
                  at demo.Counter.next(Counter.java:12)

                Thread "worker-2" (T3, running) started at:
                  at demo.RaceCounter.main(RaceCounter.java:24)

                Thread "worker-1" (T2, finished) started at:
                  at demo.RaceCounter.main(RaceCounter.java:24)

                Found with schedule seed 42 (replay it: racecheck run --seed 42 ...)
                ==================
                """, TextRenderer.render(Samples.predictedRace()));
        assertEquals(TextRenderer.oneLine(Samples.counterRace()) + " (predicted: ordered in this run only by critical"
                + " sections on monitor demo.Bank@4554617c) (schedule seed 42)", TextRenderer.oneLine(Samples.predictedRace()));
    }

    @Test
    void aSeedWithoutPredictionIsOneLineAtTheEnd() {
        String text = TextRenderer.render(Samples.counterRace().withSeed(-7L));
        assertTrue(text.startsWith(TextRenderer.RULE + "\nWARNING: DATA RACE\n"), text);
        assertTrue(text.endsWith("""
                  at demo.RaceCounter.main(RaceCounter.java:24)

                Found with schedule seed -7 (replay it: racecheck run --seed -7 ...)
                ==================
                """), text);
    }

    @Test
    void testFrameworkFramesAreElidedUnlessKept() {
        Race race = Samples.raceInATest();
        assertEquals("""
                ==================
                WARNING: DATA RACE
                Write of field demo.Counter.value (demo.Counter@1b6d3586) by thread "main" (T1):
                  at demo.Counter.next(Counter.java:12)
                  at demo.CounterTest.counts(CounterTest.java:20)
                  ... 20 frames of the test framework

                Previous read of field demo.Counter.value by thread "worker" (T2):
                  at demo.Counter.next(Counter.java:11)
                  at demo.CounterTest.lambda$counts$0(CounterTest.java:17)
                  at java.base/java.lang.Thread.run(Thread.java:840)

                Thread "main" (T1, running) is the main thread.

                Thread "worker" (T2, finished) started at:
                  at demo.CounterTest.counts(CounterTest.java:18)
                  ... 20 frames of the test framework
                ==================
                """, TextRenderer.render(race));
        String kept = TextRenderer.render(race, TestFrames.KEEP);
        assertEquals(2 * 20 + 2 + 3 + 1, kept.lines().filter(l -> l.startsWith("  at ")).count(), kept);
        assertTrue(kept.contains("  at org.apache.maven.surefire.booter.ForkedBooter.main(ForkedBooter.java:495)\n"));
        assertFalse(kept.contains("frames of the test framework"), kept);
    }

    @Test
    void wholeReportWithDeadlocksEndsWithBothCounts() throws IOException {
        RaceReport report = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "bank.Bank",
                List.of(Samples.raceInATest()), List.of(Samples.potentialDeadlock()), 66);
        StringBuilder sb = new StringBuilder();
        TextRenderer.render(report, sb);
        assertEquals(TextRenderer.render(Samples.raceInATest()) + TextRenderer.render(Samples.potentialDeadlock())
                + "racecheck: found 1 data race(s), 1 potential deadlock(s)\n", sb.toString());
        sb.setLength(0);
        TextRenderer.render(report, TestFrames.KEEP, sb);
        assertTrue(sb.toString().startsWith(TextRenderer.render(Samples.raceInATest(), TestFrames.KEEP)));
    }

    @Test
    void deadlockInOneLine() {
        assertEquals("Potential deadlock: monitor bank.Account@1b6d3586 => monitor bank.Account@4554617c => monitor"
                        + " bank.Account@1b6d3586; thread \"t1\" (T2) acquired monitor bank.Account@4554617c at"
                        + " bank.Account.transfer(Account.java:14) while holding monitor bank.Account@1b6d3586; thread"
                        + " \"t2\" (T3) acquired monitor bank.Account@1b6d3586 at bank.Account.transfer(Account.java:14)"
                        + " while holding monitor bank.Account@4554617c",
                TextRenderer.oneLine(Samples.potentialDeadlock()));
        assertTrue(TextRenderer.oneLine(Samples.actualDeadlock()).contains("thread \"indexer\" (T5) waits for"
                + " java.util.concurrent.locks.ReentrantLock@6d06d69c at demo.Cache.evict(Cache.java:33)"),
                "the program's frame, not the JDK's lock()");
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
