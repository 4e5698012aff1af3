package dev.racecheck.junit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The JUnit Platform side, registered automatically through {@code META-INF/services} whenever this jar is on the
 * test class path (the Platform always loads listeners; no switch is needed):
 *
 * <ul>
 *   <li>tags every test of every engine while it runs, so that races are attributed to tests of engines other than
 *       Jupiter too (JUnit 4 through Vintage, ...). A listener cannot fail a test: for those engines the race is
 *       printed with the test's name at the test's end, and fails the build through the Maven plugin's
 *       {@code check} goal. Jupiter tests are failed by {@link RaceCheckExtension}, which runs first;</li>
 *   <li>at the end of the run, reports the races no test has claimed: those found in a thread a test started after
 *       that test ended, and those found while no test was running. They fail the build through {@code check},
 *       which reads the agent's JSON report (every race is in it), and this listener writes which test each one
 *       belongs to, if any, for {@code check} to print.</li>
 * </ul>
 *
 * Without the racecheck agent in the JVM it does nothing.
 */
public final class RaceCheckListener implements TestExecutionListener {

    private static final String JUPITER = "[engine:junit-jupiter]";

    @Override
    public void executionStarted(TestIdentifier id) {
        if (Agent.ACTIVE && id.isTest()) ThreadTags.enter(id.getUniqueId());
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!Agent.ACTIVE || !id.isTest()) return;
        ThreadTags.exit(id.getUniqueId());
        List<String> races = Agent.takeRaces(id.getUniqueId());
        List<String> deadlocks = Agent.takeDeadlocks(id.getUniqueId());
        if (races.isEmpty() && deadlocks.isEmpty()) return;
        // A Jupiter test with the extension has had its races taken already; here only if the extension is off.
        String name = describe(id);
        Attribution.record(races, Attribution.Kind.TEST, name, id.getUniqueId());
        Attribution.record(deadlocks, Attribution.Kind.TEST, name, id.getUniqueId());
        print(RaceCheckExtension.failureMessage(what(races, deadlocks) + " detected during execution of this test: "
                + name + (id.getUniqueId().startsWith(JUPITER)
                        ? " (the test is not failed: enable racecheck's Jupiter extension, see racecheck-junit)"
                        : " (this engine's tests cannot be failed by racecheck; the build fails in racecheck:check)"),
                races, deadlocks));
    }

    /** {@code data race}, {@code potential deadlock} or both. */
    private static String what(List<String> races, List<String> deadlocks) {
        if (deadlocks.isEmpty()) return "data race";
        return races.isEmpty() ? "potential deadlock" : "data race and potential deadlock";
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!Agent.ACTIVE) return;
        int count = 0;
        boolean anyDeadlock = false;
        StringBuilder out = new StringBuilder();
        Deque<TestIdentifier> todo = new ArrayDeque<>(plan.getRoots());
        while (!todo.isEmpty()) {
            TestIdentifier id = todo.pop();
            todo.addAll(plan.getChildren(id));
            List<String> late = Agent.takeRaces(id.getUniqueId());
            List<String> lateDeadlocks = Agent.takeDeadlocks(id.getUniqueId());
            if (late.isEmpty() && lateDeadlocks.isEmpty()) continue;
            String name = describe(id);
            Attribution.record(late, Attribution.Kind.AFTER_TEST, name, id.getUniqueId());
            Attribution.record(lateDeadlocks, Attribution.Kind.AFTER_TEST, name, id.getUniqueId());
            count += late.size() + lateDeadlocks.size();
            anyDeadlock |= !lateDeadlocks.isEmpty();
            out.append(RaceCheckExtension.failureMessage("racecheck: " + what(late, lateDeadlocks)
                    + " detected in a thread started by " + name + " after it had ended", late, lateDeadlocks));
        }
        List<String> untagged = Agent.takeUntaggedRaces();
        List<String> untaggedDeadlocks = Agent.takeUntaggedDeadlocks();
        if (!untagged.isEmpty() || !untaggedDeadlocks.isEmpty()) {
            Attribution.record(untagged, Attribution.Kind.NONE, "", "");
            Attribution.record(untaggedDeadlocks, Attribution.Kind.NONE, "", "");
            count += untagged.size() + untaggedDeadlocks.size();
            anyDeadlock |= !untaggedDeadlocks.isEmpty();
            out.append(RaceCheckExtension.failureMessage("racecheck: " + what(untagged, untaggedDeadlocks)
                    + " detected while no test was running", untagged, untaggedDeadlocks));
        }
        if (count > 0) {
            out.append("racecheck: ").append(count).append(anyDeadlock ? " data race(s) and deadlock(s)" : " data race(s)")
                    .append(" not attributed to a failed test; they fail the build in racecheck:check (or the JVM's")
                    .append(" exit status without it)\n");
            print(out.toString());
        }
    }

    static String describe(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource) {
            MethodSource m = (MethodSource) source.get();
            String name = m.getClassName() + "." + m.getMethodName() + "()";
            String display = id.getDisplayName();
            return display.startsWith(m.getMethodName() + "(") ? name : name + " [" + display + "]";
        }
        if (source.isPresent() && source.get() instanceof ClassSource) {
            return ((ClassSource) source.get()).getClassName();
        }
        return id.getDisplayName() + " (" + id.getUniqueId() + ")";
    }

    /** On the process's own stderr, as the agent prints: test runners capture System.err per test. */
    private static void print(String text) {
        @SuppressWarnings("resource") // stderr stays open
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        err.print(text);
        err.flush();
    }
}
