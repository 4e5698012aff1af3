package dev.racecheck.it.edges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.JvmRun;
import dev.racecheck.it.ProgramSource;
import dev.racecheck.it.RaceAssertions;
import dev.racecheck.it.RaceText;

/**
 * The happens-before edges of the Java platform (JLS 17.4.4/17.4.5, 12.4.2, 17.5 and the "Memory Consistency
 * Properties" of java.util.concurrent), each as a pair of small programs in this package: {@code NoRace<Edge>} uses
 * the construct correctly and must report nothing and exit 0; {@code Race<Edge>} is the same program with the edge
 * removed or broken (or, for constructs that give no edge, simply using them) and must report the race with both
 * stacks on its {@code // racy access} lines and exit 66. The edge table is in the README ("The happens-before model").
 *
 * <p>Every program runs in a JVM of its own with the real agent, on every JDK of {@link Jdks#all()}; a program whose
 * Javadoc says {@code Requires: JDK <n>} is skipped on older JDKs. The JVMs are launched up front, a few at a time
 * ({@value #PARALLEL_PROPERTY}, by default one more than the processors: the programs mostly start up and sleep), so
 * that the whole run stays short; each test waits for its own JVM, so a failure names one program on one JDK.
 *
 * <p>Every program runs once: a Race program that reports nothing fails, as does a NoRace program that reports a
 * race. (JDK-internal synchronization in class loading and call-site linking, which used to order threads by
 * accident, is not the program's and racecheck leaves it out: see {@code RaceClassLoading}, {@code
 * RaceCallSiteLinking}.)
 *
 * <p>{@link #KNOWN_GAPS} lists the programs racecheck does not get right yet. Such a test is reported as skipped
 * (aborted) with the reason, as long as it fails in exactly the known way (a NoRace program reports a race, a Race
 * program reports nothing); once racecheck gets it right the test fails and asks for the entry to be removed.
 */
class EdgesIT {
    static final String PARALLEL_PROPERTY = "racecheck.edges.parallel";

    private static final String PACKAGE_DIR = "dev/racecheck/it/edges";
    private static final Pattern REQUIRES = Pattern.compile("(?m)^\\s*\\*\\s*Requires:\\s*JDK\\s*(\\d+)\\s*$");

    /** Race programs whose NoRace partner is not found by name (see {@link #partnerOf}). */
    private static final Map<String, String> PARTNERS = Map.of(
            "RaceSleep", "NoRaceJoin",
            "RaceYield", "NoRaceJoin",
            "RaceOnSpinWait", "NoRaceVolatile",
            "RaceVarHandlePlain", "NoRaceVarHandleAcquireRelease",
            "RaceVarHandleOpaque", "NoRaceVarHandleAcquireRelease",
            "RaceClassLoading", "NoRaceClassInit",
            "RaceCallSiteLinking", "NoRaceJoin",
            "RaceVirtualThreadsOneCarrier", "NoRaceVirtualThreadStartJoin");

    /** What racecheck does not get right yet: program, the JDKs concerned, and the diagnosis. */
    record Gap(String program, Set<Integer> jdks, String reason) {
        boolean covers(int feature) {
            return jdks.isEmpty() || jdks.contains(feature);
        }
    }

    /** Every JDK. */
    private static final Set<Integer> ALL = Set.of();

    static final Map<String, Gap> KNOWN_GAPS = gaps(
    );

    private static Map<String, Gap> gaps(Gap... gaps) {
        Map<String, Gap> map = new LinkedHashMap<>();
        for (Gap g : gaps) {
            if (map.put(g.program(), g) != null) {
                throw new IllegalStateException("two KNOWN_GAPS entries for " + g.program());
            }
        }
        return map;
    }

    /** One program of this package. */
    record Program(String name, ProgramSource source, int requiresJdk) {
        boolean racy() {
            return source.expectation().race();
        }
    }

    private static List<Program> programs;

    static synchronized List<Program> programs() {
        if (programs != null) {
            return programs;
        }
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path dir = base.resolve("src/test/java").resolve(PACKAGE_DIR);
        List<Program> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".java") || !(name.startsWith("Race") || name.startsWith("NoRace"))) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher requires = REQUIRES.matcher(text);
                int jdk = requires.find() ? Integer.parseInt(requires.group(1)) : 17;
                list.add(new Program(name.substring(0, name.length() - 5), ProgramSource.parse(text, name), jdk));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        programs = List.copyOf(list);
        return programs;
    }

    /** The NoRace program a Race program is the broken form of: explicit, else the longest NoRace name prefix. */
    static String partnerOf(String race, Set<String> names) {
        String explicit = PARTNERS.get(race);
        if (explicit != null) {
            return names.contains(explicit) ? explicit : null;
        }
        String rest = race.substring("Race".length());
        for (int end = rest.length(); end > 0; end--) {
            boolean wordEnd = end == rest.length() || Character.isUpperCase(rest.charAt(end));
            if (wordEnd && names.contains("NoRace" + rest.substring(0, end))) {
                return "NoRace" + rest.substring(0, end);
            }
        }
        return null;
    }

    @Test
    void everyEdgeHasItsPair() {
        List<Program> all = programs();
        assertFalse(all.isEmpty(), "no programs found");
        Set<String> names = new TreeSet<>();
        all.forEach(p -> names.add(p.name()));
        Set<String> partnered = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Program p : all) {
            assertEquals("dev.racecheck.it.edges." + p.name(), p.source().className());
            if (p.name().startsWith("NoRace")) {
                if (p.racy()) {
                    problems.add(p.name() + " is named NoRace* but expects a race");
                }
                continue;
            }
            if (!p.racy()) {
                problems.add(p.name() + " is named Race* but expects no race");
            }
            String partner = partnerOf(p.name(), names);
            if (partner == null) {
                problems.add(p.name() + " has no NoRace partner");
            } else {
                partnered.add(partner);
            }
        }
        for (String n : names) {
            if (n.startsWith("NoRace") && !partnered.contains(n)) {
                problems.add(n + " has no Race partner");
            }
        }
        for (String gap : KNOWN_GAPS.keySet()) {
            if (!names.contains(gap)) {
                problems.add("KNOWN_GAPS names " + gap + ", which is not a program");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static final ExecutorService LAUNCHER = Executors.newFixedThreadPool(parallelism(), r -> {
        Thread t = new Thread(r, "edges-launcher");
        t.setDaemon(true);
        return t;
    });

    private static int parallelism() {
        String p = System.getProperty(PARALLEL_PROPERTY);
        if (p != null && !p.isBlank()) {
            return Math.max(1, Integer.parseInt(p.trim()));
        }
        return Runtime.getRuntime().availableProcessors() + 1;
    }

    @TestFactory
    Stream<DynamicNode> edges() {
        List<Program> all = programs();
        List<DynamicNode> containers = new ArrayList<>();
        for (Jdks.Slot slot : Jdks.all()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Program p : all) {
                String name = p.name() + " [" + slot.label() + "]";
                if (!slot.present()) {
                    tests.add(dynamicTest(name, () -> slot.require()));
                    continue;
                }
                Jdks.Jdk jdk = slot.jdk();
                if (jdk.feature() < p.requiresJdk()) {
                    tests.add(dynamicTest(name, () -> Assumptions.abort(p.name() + " needs JDK " + p.requiresJdk()
                            + " or newer; " + jdk.label() + " cannot run it")));
                    continue;
                }
                Future<JvmRun.Result> run = LAUNCHER.submit(() -> launch(p, jdk));
                tests.add(dynamicTest(name, () -> check(p, jdk, await(run))));
            }
            containers.add(dynamicContainer(slot.label(), tests));
        }
        return containers.stream();
    }

    private static JvmRun.Result launch(Program p, Jdks.Jdk jdk) {
        return JvmRun.on(jdk).agent(Env.agentJar()).classpath(Env.testClasses()).mainClass(p.source().className())
                .runShared();
    }

    private static JvmRun.Result await(Future<JvmRun.Result> run) throws Throwable {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /** The assertions of one run, with known gaps turned into aborted (skipped) tests. */
    static void check(Program p, Jdks.Jdk jdk, JvmRun.Result run) {
        // A JDK class the model could not be applied to (a verify error in its hooks) is left as it was, silently
        // but for this warning: every program would then run without part of the model.
        assertFalse(run.stderr().contains("racecheck: warning: cannot model"),
                () -> p.name() + ": the agent could not apply its JDK model" + run.describe());
        Gap gap = KNOWN_GAPS.get(p.name());
        if (gap != null && gap.covers(jdk.feature()) && failsAsKnown(p, run)) {
            Assumptions.abort(p.name() + ": KNOWN GAP on " + jdk.label() + ": " + gap.reason() + "\n"
                    + summary(p, run));
        }
        if (p.racy()) {
            RaceAssertions.assertRaceDetected(run, p.source());
        } else {
            RaceAssertions.assertNoRaceDetected(run, p.name());
        }
        if (gap != null && gap.covers(jdk.feature())) {
            fail(p.name() + " is listed in EdgesIT.KNOWN_GAPS for " + jdk.label() + " but now passes: remove the"
                    + " entry (and its GAP mark in README.md)" + run.describe());
        }
    }

    /** A NoRace program that reported a race (66), or a Race program that ran clean (0); nothing else. */
    private static boolean failsAsKnown(Program p, JvmRun.Result run) {
        if (run.timedOut()) {
            return false;
        }
        boolean reported = run.stderr().contains(RaceText.WARNING);
        return p.racy() ? run.exitCode() == 0 && !reported
                : run.exitCode() == RaceAssertions.RACE_EXIT_STATUS && reported;
    }

    /** What the run reported, briefly: each race's two access lines with their top frames. */
    static String summary(Program p, JvmRun.Result run) {
        List<RaceText.Warning> warnings = RaceText.parse(run.stderr());
        if (warnings.isEmpty()) {
            return "expected " + p.source().expectation() + ", got exit status " + run.exitCode()
                    + " and no report";
        }
        StringBuilder sb = new StringBuilder("expected no race, got exit status " + run.exitCode() + " and "
                + warnings.size() + " report(s):");
        for (RaceText.Warning w : warnings) {
            for (RaceText.Access a : w.accesses()) {
                sb.append("\n  ").append(a.header());
                if (a.top() != null) {
                    sb.append("\n      at ").append(a.top().text());
                }
            }
        }
        return sb.toString();
    }
}
