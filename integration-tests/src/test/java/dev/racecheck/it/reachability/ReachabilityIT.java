package dev.racecheck.it.reachability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.JvmRun;
import dev.racecheck.it.RaceAssertions;

/**
 * racecheck never changes what the GC may collect (issue #11): for every way racecheck meets an object (fields,
 * monitors, locks, volatiles, arrays, atomics and VarHandles, containers, hand-offs, futures, executors, threads,
 * periodic tasks, ThreadLocals, a reported race, final fields, a class of a dropped loader), each probe program of
 * this package drops the object and prints whether the GC collected it ({@link Tracker}). Each probe runs plainly
 * first, where everything must be collected (else the probe itself keeps something), then under the agent, where
 * everything must be collected too. Weak references for every probe; soft references (a small heap filled until they
 * are cleared) and phantom references (a ReferenceQueue) for a representative subset.
 */
class ReachabilityIT {
    private static final String PACKAGE = "dev.racecheck.it.reachability.";
    private static final Pattern LINE = Pattern.compile("(?m)^(.*): (collected|STILL REACHABLE)$");
    private static final String SMALL_HEAP = "-Xmx64m";

    /** One run of a probe: program, reference kind, whether racecheck is expected to report a race. */
    record Case(String program, String kind, boolean racy) {
        String label() {
            return program + " (" + kind + ")";
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String p : List.of("ReachFields", "ReachMonitors", "ReachLocks", "ReachVolatiles", "ReachArrays",
                "ReachAtomics", "ReachContainers", "ReachQueues", "ReachFutures", "ReachExecutors", "ReachThreads",
                "ReachScheduled", "ReachThreadLocals", "ReachFinal", "ReachClassUnload")) {
            cases.add(new Case(p, "weak", false));
        }
        cases.add(new Case("ReachRace", "weak", true));
        for (String p : List.of("ReachMonitors", "ReachLocks", "ReachArrays", "ReachQueues", "ReachClassUnload")) {
            cases.add(new Case(p, "soft", false));
        }
        for (String p : List.of("ReachFields", "ReachVolatiles", "ReachThreads", "ReachExecutors", "ReachAtomics")) {
            cases.add(new Case(p, "phantom", false));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicNode> everyDroppedObjectIsCollected() {
        List<DynamicNode> perJdk = new ArrayList<>();
        for (Jdks.Slot slot : Jdks.all()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Case c : cases()) {
                tests.add(dynamicTest(c.label(), () -> {
                    Jdks.Jdk jdk = slot.require();
                    JvmRun.Result plain = run(jdk, c, false);
                    Map<String, Boolean> plainLines = collected(plain);
                    assertEquals(0, plain.exitCode(), () -> "the plain run failed" + plain.describe());
                    assertFalse(plainLines.isEmpty(), () -> "the probe tracked nothing" + plain.describe());
                    assertTrue(stillReachable(plainLines).isEmpty(), () -> "the probe is wrong: without racecheck "
                            + stillReachable(plainLines) + " stay reachable" + plain.describe());

                    JvmRun.Result agent = run(jdk, c, true);
                    RaceAssertions.assertFinished(agent);
                    Map<String, Boolean> agentLines = collected(agent);
                    assertEquals(plainLines.keySet(), agentLines.keySet(),
                            () -> "the same patterns should be tracked under the agent" + agent.describe());
                    assertTrue(stillReachable(agentLines).isEmpty(), () -> "racecheck keeps "
                            + stillReachable(agentLines) + " reachable" + agent.describe());
                    assertFalse(agent.stderr().contains("internal error"),
                            () -> "racecheck failed internally" + agent.describe());
                    if (c.racy()) {
                        assertEquals(RaceAssertions.RACE_EXIT_STATUS, agent.exitCode(), agent::describe);
                        assertTrue(agent.stderr().contains("DATA RACE"), agent::describe);
                    } else {
                        RaceAssertions.assertNoRaceDetected(agent, c.label());
                    }
                }));
            }
            perJdk.add(dynamicContainer(slot.label(), tests));
        }
        return perJdk.stream();
    }

    private static JvmRun.Result run(Jdks.Jdk jdk, Case c, boolean withAgent) {
        JvmRun run = JvmRun.on(jdk).classpath(Env.testClasses()).mainClass(PACKAGE + c.program(), c.kind())
                .timeout(Duration.ofMinutes(2));
        if (c.kind().equals("soft")) run.jvmArgs(SMALL_HEAP);
        if (withAgent) run.agent(Env.agentJar());
        return run.run();
    }

    /** Pattern to whether it was collected, in the order printed. */
    private static Map<String, Boolean> collected(JvmRun.Result run) {
        Map<String, Boolean> lines = new LinkedHashMap<>();
        Matcher m = LINE.matcher(run.stdout());
        while (m.find()) lines.put(m.group(1), m.group(2).equals("collected"));
        return lines;
    }

    private static List<String> stillReachable(Map<String, Boolean> lines) {
        List<String> out = new ArrayList<>();
        lines.forEach((pattern, collected) -> {
            if (!collected) out.add(pattern);
        });
        return out;
    }
}
