package dev.racecheck.it.reflection;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.PackagePrograms;

/**
 * Fields and array elements accessed through reflection: {@code Field.get*}/{@code set*}, the method handles of
 * {@code Lookup.findGetter}, {@code findSetter}, {@code findStaticGetter}, {@code findStaticSetter},
 * {@code unreflectGetter} and {@code unreflectSetter}, and {@code java.lang.reflect.Array.get*}/{@code set*}. Each Race
 * program of this package must be reported, naming the variable, with the program's line as the top frame of both
 * accesses, and exit 66; each NoRace program (a join, a lock, or a volatile field accessed reflectively: acquire and
 * release, as the field's own accesses) must report nothing and exit 0.
 */
class ReflectionIT {
    @TestFactory
    Stream<DynamicNode> reflection() {
        return PackagePrograms.tests("dev.racecheck.it.reflection", false);
    }
}
