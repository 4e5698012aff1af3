package dev.racecheck.cli;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.LockInfo;
import dev.racecheck.reports.Prediction;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.Target;
import dev.racecheck.reports.ThreadInfo;
import java.util.ArrayList;
import java.util.List;

/** Reports for the tests of the commands and of the HTML in a browser. */
public final class Findings {

    private Findings() {
    }

    /**
     * A report with a predicted race found with a seed, a race in a test whose stacks end in the test framework's
     * frames, a potential and an actual deadlock.
     */
    public static RaceReport newKinds() {
        Frame threadRun = new Frame("java.lang.Thread", "run", "Thread.java", 840, "java.base");
        List<Frame> framework = List.of(
                new Frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2, "java.base"),
                new Frame("java.lang.reflect.Method", "invoke", "Method.java", 568, "java.base"),
                new Frame("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", "ReflectionUtils.java", 728),
                new Frame("org.apache.maven.surefire.booter.ForkedBooter", "main", "ForkedBooter.java", 495));
        Target value = new Target(Target.Kind.FIELD, "demo.Counter", "value", "demo.Counter@1b6d3586");
        List<ThreadInfo> threads = List.of(new ThreadInfo(3, "worker-2", true, List.of()),
                new ThreadInfo(2, "worker-1", false, List.of()));
        LockInfo bank = new LockInfo(LockInfo.Kind.MONITOR, "demo.Bank@4554617c");
        Race predicted = new Race(value,
                new Access(AccessKind.WRITE, 3, List.of(new Frame("demo.Counter", "next", "Counter.java", 12), threadRun)),
                new Access(AccessKind.READ, 2, List.of(new Frame("demo.Counter", "next", "Counter.java", 11), threadRun)),
                threads, 1, new Prediction(bank, List.of(new Frame("demo.Bank", "audit", "Bank.java", 30)),
                        List.of(new Frame("demo.Bank", "audit", "Bank.java", 28))), 42L);
        List<Frame> inTest = new ArrayList<>(List.of(new Frame("demo.Counter", "reset", "Counter.java", 20),
                new Frame("demo.CounterTest", "resets", "CounterTest.java", 9)));
        inTest.addAll(framework);
        Race raceInATest = new Race(new Target(Target.Kind.FIELD, "demo.Counter", "total", "demo.Counter@1b6d3586"),
                new Access(AccessKind.WRITE, 3, inTest),
                new Access(AccessKind.READ, 2, List.of(new Frame("demo.Counter", "get", "Counter.java", 25), threadRun)),
                threads, 1);
        LockInfo a = new LockInfo(LockInfo.Kind.MONITOR, "bank.Account@1b6d3586");
        LockInfo b = new LockInfo(LockInfo.Kind.MONITOR, "bank.Account@7852e922");
        List<Frame> transfer14 = List.of(new Frame("bank.Account", "transfer", "Account.java", 14), threadRun);
        List<Frame> transfer12 = List.of(new Frame("bank.Account", "transfer", "Account.java", 12), threadRun);
        Deadlock potential = new Deadlock(Deadlock.Kind.POTENTIAL, List.of(
                new Deadlock.Edge(2, b, transfer14, a, transfer12), new Deadlock.Edge(3, a, transfer14, b, transfer12)),
                threads, 1);
        Deadlock actual = new Deadlock(Deadlock.Kind.ACTUAL, potential.edges(), threads, 1);
        return new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "bank.Bank", List.of(predicted, raceInATest),
                List.of(potential, actual), 66);
    }

}
