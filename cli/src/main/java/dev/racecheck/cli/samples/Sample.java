package dev.racecheck.cli.samples;

import java.util.List;

/**
 * One sample program of module racecheck-samples, as the demo presents it.
 *
 * @param className   the fully qualified main class, e.g. {@code dev.racecheck.samples.RaceCounter}
 * @param name        the demo name, e.g. {@code counter} (see {@link SampleCatalog#demoName})
 * @param summary     the first sentence of the class Javadoc
 * @param paragraphs  the class Javadoc's prose paragraphs, plain text (without the Expected line)
 * @param expected    what its Javadoc's {@code Expected:} line says, e.g. {@code race on RaceCounter.count}
 * @param expectsRace whether racecheck should report a race for it
 */
public record Sample(String className, String name, String summary, List<String> paragraphs, String expected,
                     boolean expectsRace) {

    public Sample {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The class name without its package. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** "race" or "no race". */
    public String expectedShort() {
        return expectsRace ? "race" : "no race";
    }
}
