package dev.racecheck.it.filter;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.PackagePrograms;

/**
 * The per-thread element filters (an element this thread already checked in its current generation skips its state):
 * programs whose race is on an element the thread would have skipped had a filter outlived its array's cache slot,
 * its generation or a final-field freeze, each beside a race-free twin. Each Race program must be reported as its
 * {@code Expected:} line says and exit 66; each NoRace program must report nothing and exit 0; JDK 17 and 25.
 */
class ElementFilterIT {
    @TestFactory
    Stream<DynamicNode> elementFilters() {
        return PackagePrograms.tests("dev.racecheck.it.filter", false);
    }
}
