package dev.racecheck.junit;

import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The repetitions of a {@link RaceCheck} test: one invocation per seed, each of which explores the schedule with its
 * seed from its first {@code @BeforeEach} callback to its last {@code @AfterEach} (the test's thread and every thread
 * it starts meanwhile), and names the seed for {@link RaceCheckExtension}'s failure message.
 */
final class ScheduleExploration implements TestTemplateInvocationContextProvider {

    /** Where a repetition leaves its seed and number for {@link RaceCheckExtension}. */
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScheduleExploration.class);
    static final String REPETITION = "repetition";

    /** A repetition: its seed, its number (from 1) and how many there are; whether the schedule is perturbed. */
    record Repetition(long seed, int number, int count, boolean explored) {
        /** The line a failure message ends with. */
        String replay() {
            return (explored ? "Found in repetition " + number + " of " + count + ", schedule seed " + seed
                    : "Found in repetition " + number + " of " + count + " (the schedule was not explored: agent option"
                            + " explore=1 missing)")
                    + "; replay it: @RaceCheck(explore = 1, seed = " + seed + "), or -D" + RaceCheck.EXPLORE_PROPERTY
                    + "=1 -D" + RaceCheck.SEED_PROPERTY + "=" + seed;
        }
    }

    private static volatile boolean warned;

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, RaceCheck.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        RaceCheck annotation = AnnotationSupport.findAnnotation(method, RaceCheck.class).orElseThrow();
        int count = count(annotation.explore());
        long first = firstSeed(annotation.seed());
        if (!Agent.ACTIVE) {
            // Nothing watches for races: repeating would only cost time.
            return Stream.of(invocation(new Repetition(first, 1, 1, false), "racecheck agent not running"));
        }
        boolean explored = Agent.canExplore();
        if (!explored && !warned) {
            warned = true;
            System.err.println("racecheck-junit: warning: @RaceCheck tests run without schedule exploration: the agent"
                    + " was started without the option explore=1 (racecheck's Maven plugin adds it)");
        }
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            Repetition r = new Repetition(first + i - 1, i, count, explored);
            return invocation(r, "[" + i + "/" + count + "] schedule seed " + r.seed() + (explored ? "" : " (not explored)"));
        });
    }

    private static int count(int annotated) {
        String property = System.getProperty(RaceCheck.EXPLORE_PROPERTY);
        int n = annotated;
        if (property != null && !property.isBlank()) {
            try {
                n = Integer.parseInt(property.trim());
            } catch (NumberFormatException e) {
                throw new ExtensionConfigurationException("-D" + RaceCheck.EXPLORE_PROPERTY + "=" + property
                        + " is not a whole number");
            }
        }
        if (n < 1) {
            throw new ExtensionConfigurationException("@RaceCheck needs at least one repetition, not " + n
                    + (property != null ? " (-D" + RaceCheck.EXPLORE_PROPERTY + ")" : ""));
        }
        return n;
    }

    private static long firstSeed(long annotated) {
        String property = System.getProperty(RaceCheck.SEED_PROPERTY);
        if (property != null && !property.isBlank()) {
            try {
                return Long.parseLong(property.trim());
            } catch (NumberFormatException e) {
                throw new ExtensionConfigurationException("-D" + RaceCheck.SEED_PROPERTY + "=" + property
                        + " is not a whole number");
            }
        }
        if (annotated != RaceCheck.RANDOM_SEED) return annotated;
        return new SecureRandom().nextInt(Integer.MAX_VALUE);
    }

    private static TestTemplateInvocationContext invocation(Repetition repetition, String name) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return name;
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Explore(repetition));
            }
        };
    }

    /**
     * Explores one repetition. Registered per invocation, after the extensions of the class and the method: its
     * {@code beforeEach} runs after theirs, its {@code afterEach} before theirs (before {@link RaceCheckExtension}'s,
     * which then finds the repetition in the store).
     */
    private static final class Explore implements BeforeEachCallback, AfterEachCallback {
        private final Repetition repetition;

        Explore(Repetition repetition) {
            this.repetition = repetition;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            context.getStore(NAMESPACE).put(REPETITION, repetition);
            if (repetition.explored()) Agent.exploreSchedule(repetition.seed());
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (repetition.explored()) Agent.endScheduleExploration();
        }
    }
}
