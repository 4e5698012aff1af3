package dev.racecheck.it.arrays;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.PackagePrograms;

/**
 * Array elements read or written inside the JDK ({@code System.arraycopy}, {@code clone()}, {@code Arrays.fill},
 * {@code sort}, {@code copyOf}): each Race program of this package must be reported, naming the element, with the
 * program's call as the top frame of that access, and exit 66; each NoRace program must report nothing and exit 0.
 * Every program is deterministic: its two accesses are ordered by nothing, or by a join or a lock, in every schedule.
 */
class ArrayCallsIT {
    @TestFactory
    Stream<DynamicNode> arrayCalls() {
        return PackagePrograms.tests("dev.racecheck.it.arrays", true);
    }
}
