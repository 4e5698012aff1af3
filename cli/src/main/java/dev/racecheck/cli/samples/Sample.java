package dev.racecheck.cli.samples;

import java.util.List;

/**
 * One sample program of module racecheck-samples, as the demo presents it.
 *
 * @param className       the fully qualified main class, e.g. {@code dev.racecheck.samples.RaceCounter}
 * @param name            the demo name, e.g. {@code counter} (see {@link SampleCatalog#demoName})
 * @param summary         the first sentence of the class Javadoc
 * @param paragraphs      the class Javadoc's prose paragraphs, plain text (without the Expected and Requires lines)
 * @param expected        what its Javadoc's {@code Expected:} line says, e.g. {@code race on RaceCounter.count}
 * @param expectsRace     whether racecheck should report a race for it
 * @param expectsDeadlock whether racecheck should report a potential deadlock (a lock-order inversion) for it
 * @param requiresJdk     the oldest JDK that runs it (its {@code Requires: JDK <n>} line; 17 without one)
 */
public record Sample(String className, String name, String summary, List<String> paragraphs, String expected,
                     boolean expectsRace, boolean expectsDeadlock, int requiresJdk) {

    public Sample {
        paragraphs = List.copyOf(paragraphs);
    }

    /** A race or race-free sample that runs on JDK 17. */
    public Sample(String className, String name, String summary, List<String> paragraphs, String expected,
                  boolean expectsRace) {
        this(className, name, summary, paragraphs, expected, expectsRace, false, 17);
    }

    /** Whether racecheck should report something (a race or a potential deadlock): the program exits with 66. */
    public boolean expectsReport() {
        return expectsRace || expectsDeadlock;
    }

    /** The class name without its package. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** "race", "no race", "deadlock" or "no deadlock". */
    public String expectedShort() {
        if (expectsDeadlock) return "deadlock";
        if (expectsRace) return "race";
        return simpleName().startsWith("NoDeadlock") ? "no deadlock" : "no race";
    }
}
