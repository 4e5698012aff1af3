package dev.racecheck.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaceTest {
    @Test
    void aContainerAccessNamesItsOperationAndItsRacyFrameIsTheProgramsBelowIt() {
        Race r = Samples.containerRace();
        assertEquals("HashMap.put", r.operation(r.current()));
        assertEquals("HashMap.get", r.operation(r.previous()));
        assertEquals(1, r.racyFrameIndex(r.current()));
        assertEquals(new Frame("demo.Registry", "find", "Registry.java", 18), r.racyFrame(r.previous()));
    }

    @Test
    void otherTargetsHaveNoOperationAndTheirRacyFrameIsTheFirst() {
        Race r = Samples.counterRace();
        assertNull(r.operation(r.current()));
        assertEquals(0, r.racyFrameIndex(r.current()));
        assertEquals(r.current().stack().get(0), r.racyFrame(r.current()));
        Race array = Samples.arrayRace();
        assertNull(array.racyFrame(array.previous()), "an empty stack has no racy frame");
        assertEquals(-1, array.racyFrameIndex(array.previous()));
    }

    @Test
    void aContainerStackWithOnlyTheOperationFrameHasThatAsItsRacyFrame() {
        Frame op = new Frame("java.util.Arrays$ArrayList", "set", "Arrays.java", -1);
        Race r = new Race(new Target(Target.Kind.CONTAINER, "java.util.Arrays$ArrayList", Target.STATE, "x@1"),
                new Access(AccessKind.WRITE, 2, List.of(op)), new Access(AccessKind.READ, 3, List.of()), List.of(), 1);
        assertEquals("Arrays$ArrayList.set", r.operation(r.current()));
        assertEquals(op, r.racyFrame(r.current()));
        assertNull(r.operation(r.previous()));
    }
}
