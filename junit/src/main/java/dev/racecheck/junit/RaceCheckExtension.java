package dev.racecheck.junit;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a JUnit Jupiter test during which racecheck found a data race, with the race report(s) in the failure:
 * {@value #MESSAGE}, as Go's {@code go test -race} says; likewise a test during which a lock-order cycle closed
 * (the test that took the second order of two locks: {@value #DEADLOCK_MESSAGE}). Tests that did not race stay
 * green.
 *
 * <p>A test is a tag on threads: {@code beforeEach} tags the thread that runs the test (a ForkJoinPool worker under
 * parallel execution) with the test's unique id, every thread it starts inherits the tag, and {@code afterEach}
 * takes the races found by threads with that tag. So a race in a thread the test started counts too, even one it
 * did not join, as long as it is found before the test ends; one found later is reported at the end of the run by
 * {@link RaceCheckListener}. {@code @BeforeAll}/{@code @AfterAll} work the same way for the class, which fails with
 * {@value #CLASS_MESSAGE}.
 *
 * <p>Registered automatically (Jupiter's extension autodetection, {@code META-INF/services}) when autodetection is
 * on, which the racecheck Maven plugin does; or explicitly with {@code @ExtendWith(RaceCheckExtension.class)}.
 * Without the racecheck agent in the JVM it does nothing.
 */
public final class RaceCheckExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    /** The first line of a failed test's message. */
    public static final String MESSAGE = "data race detected during execution of this test";

    /** The first line of a failed class's message (races in {@code @BeforeAll}/{@code @AfterAll}). */
    public static final String CLASS_MESSAGE = "data race detected during execution of this test class";

    /**
     * The first line of the message of a test during which a lock-order cycle closed (or threads deadlocked), with no
     * race: {@value}; a test with both says {@code data race and potential deadlock detected ...}.
     */
    public static final String DEADLOCK_MESSAGE = "potential deadlock detected during execution of this test";

    /** The same for a class. */
    public static final String CLASS_DEADLOCK_MESSAGE = "potential deadlock detected during execution of this test class";

    @Override
    public void beforeAll(ExtensionContext context) {
        ThreadTags.enter(context.getUniqueId());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        finish(context, Attribution.Kind.CLASS, CLASS_MESSAGE, CLASS_DEADLOCK_MESSAGE);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ThreadTags.enter(context.getUniqueId());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        finish(context, Attribution.Kind.TEST, MESSAGE, DEADLOCK_MESSAGE);
    }

    private static void finish(ExtensionContext context, Attribution.Kind kind, String raceMessage,
                               String deadlockMessage) {
        if (!Agent.ACTIVE) return;
        String id = context.getUniqueId();
        ThreadTags.exit(id);
        List<String> races = Agent.takeRaces(id);
        List<String> deadlocks = Agent.takeDeadlocks(id);
        if (races.isEmpty() && deadlocks.isEmpty()) return;
        Attribution.record(races, kind, describe(context), id);
        Attribution.record(deadlocks, kind, describe(context), id);
        ScheduleExploration.Repetition repetition = context.getStore(ScheduleExploration.NAMESPACE)
                .get(ScheduleExploration.REPETITION, ScheduleExploration.Repetition.class);
        String first = deadlocks.isEmpty() ? raceMessage : races.isEmpty() ? deadlockMessage
                : raceMessage.replace("data race detected", "data race and potential deadlock detected");
        String text = failureMessage(first, races, deadlocks);
        if (repetition != null) text += repetition.replay() + "\n";
        throw new DataRaceError(text);
    }

    static String failureMessage(String firstLine, List<String> races) {
        return failureMessage(firstLine, races, List.of());
    }

    /**
     * The first line with the counts, {@code ... (1 race)}, {@code ... (1 deadlock)}, {@code ... (2 races, 1 deadlock)},
     * then every report.
     */
    static String failureMessage(String firstLine, List<String> races, List<String> deadlocks) {
        StringBuilder sb = new StringBuilder(firstLine).append(" (");
        if (!races.isEmpty()) sb.append(races.size()).append(races.size() == 1 ? " race" : " races");
        if (!races.isEmpty() && !deadlocks.isEmpty()) sb.append(", ");
        if (!deadlocks.isEmpty()) sb.append(deadlocks.size()).append(deadlocks.size() == 1 ? " deadlock" : " deadlocks");
        sb.append(")\n");
        // The agent's texts leave out the test framework's frames below the test's code (racecheck-reports' TestFrames).
        for (String r : races) sb.append(r);
        for (String d : deadlocks) sb.append(d);
        return sb.toString();
    }

    /** {@code com.example.FooTest.bar()}, with the display name when it says more (parameterized, repeated). */
    static String describe(ExtensionContext context) {
        String cls = context.getTestClass().map(Class::getName).orElse(null);
        Method method = context.getTestMethod().orElse(null);
        if (cls == null) return context.getDisplayName();
        if (method == null) return cls;
        String name = cls + "." + method.getName() + "()";
        String display = context.getDisplayName();
        return display.startsWith(method.getName() + "(") ? name : name + " [" + display + "]";
    }
}
