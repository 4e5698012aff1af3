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
 * {@value #MESSAGE}, as Go's {@code go test -race} says. Tests that did not race stay green.
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

    @Override
    public void beforeAll(ExtensionContext context) {
        ThreadTags.enter(context.getUniqueId());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        finish(context, Attribution.Kind.CLASS, CLASS_MESSAGE);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ThreadTags.enter(context.getUniqueId());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        finish(context, Attribution.Kind.TEST, MESSAGE);
    }

    private static void finish(ExtensionContext context, Attribution.Kind kind, String message) {
        if (!Agent.ACTIVE) return;
        String id = context.getUniqueId();
        ThreadTags.exit(id);
        List<String> races = Agent.takeRaces(id);
        if (races.isEmpty()) return;
        Attribution.record(races, kind, describe(context), id);
        ScheduleExploration.Repetition repetition = context.getStore(ScheduleExploration.NAMESPACE)
                .get(ScheduleExploration.REPETITION, ScheduleExploration.Repetition.class);
        String text = failureMessage(message, races);
        if (repetition != null) text += repetition.replay() + "\n";
        throw new DataRaceError(text);
    }

    static String failureMessage(String firstLine, List<String> races) {
        StringBuilder sb = new StringBuilder(firstLine);
        sb.append(" (").append(races.size()).append(races.size() == 1 ? " race" : " races").append(")\n");
        // The agent's texts leave out the test framework's frames below the test's code (racecheck-reports' TestFrames).
        for (String r : races) sb.append(r);
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
