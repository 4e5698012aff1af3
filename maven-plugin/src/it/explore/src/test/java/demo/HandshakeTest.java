package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.racecheck.junit.RaceCheck;

class HandshakeTest {
    /** Twice by the annotation; the plugin's explore parameter makes it 16. */
    @RaceCheck(explore = 2)
    void stepsAreCounted() throws InterruptedException {
        new Handshake().run();
    }

    @Test
    void plainTestsRunOnce() {
        assertEquals(1, 1);
    }
}
