package dev.racecheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test racecheck runs several times, each time with a different schedule (in place of {@code @Test}): schedule
 * exploration. Each repetition perturbs the order of the threads' synchronization operations as its seed decides
 * (threads wait for one another at locks, volatile accesses, thread starts, queue hand-offs...), so that races the
 * usual order hides show up. A repetition during which a race is found fails, naming its seed; a test racecheck does
 * not watch (no agent in the JVM) runs once.
 *
 * <pre>{@code
 * @RaceCheck(explore = 20)
 * void cacheIsThreadSafe() throws Exception { ... }
 * }</pre>
 *
 * <p>The seeds are {@link #seed()}, {@code seed() + 1}, ...; without one they start at a random number, shown in each
 * repetition's name. System properties override both for every such test of the run: {@value #EXPLORE_PROPERTY}
 * (the racecheck Maven plugin's {@code explore} parameter) and {@value #SEED_PROPERTY} (its {@code seed}). To replay a
 * failed repetition: {@code @RaceCheck(explore = 1, seed = S)} or {@code -Dracecheck.explore=1 -Dracecheck.seed=S}.
 *
 * <p>Needs the agent started with the option {@code explore=1} (the Maven plugin's prepare-agent adds it); without it
 * the repetitions run unperturbed, with a warning.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith({RaceCheckExtension.class, ScheduleExploration.class})
public @interface RaceCheck {
    /** No seed given: the repetitions start at a random one. */
    long RANDOM_SEED = Long.MIN_VALUE;

    /** System property: the number of repetitions of every {@code @RaceCheck} test, overriding {@link #explore()}. */
    String EXPLORE_PROPERTY = "racecheck.explore";

    /** System property: the first seed of every {@code @RaceCheck} test, overriding {@link #seed()}. */
    String SEED_PROPERTY = "racecheck.seed";

    /** How many times the test runs, each with its own schedule seed. */
    int explore() default 10;

    /** The first repetition's seed; {@link #RANDOM_SEED} (the default) for a random one. */
    long seed() default RANDOM_SEED;
}
