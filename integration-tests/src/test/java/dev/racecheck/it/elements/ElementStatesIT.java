package dev.racecheck.it.elements;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.PackagePrograms;

/**
 * The states of array elements: elements read by several threads at once (read-shared) and then written, elements
 * of arrays of 1 to 1,000,000 elements at their first and last index and across a page of the element filters,
 * elements touched by many short-lived threads, by the JDK's array calls, under a lock at length, and by threads a
 * barrier releases together, each beside a race-free twin that adds the one happens-before edge. Each Race program
 * must be reported as its {@code Expected:} line says and exit 66; each NoRace program must report nothing and exit
 * 0; JDK 17 and 25.
 */
class ElementStatesIT {
    @TestFactory
    Stream<DynamicNode> elementStates() {
        return PackagePrograms.tests("dev.racecheck.it.elements", false);
    }
}
