package dev.racecheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttributionTest {

    @Test
    void keyIgnoresThreadSectionsAndIsStable() {
        String a = "==================\nWARNING: DATA RACE\nWrite of x by thread \"a\" (T2):\n  at A.b(A.java:1)\n\n"
                + "Thread \"a\" (T2, running) started at:\n  at M.main(M.java:3)\n==================\n";
        String b = a.replace("running", "finished");
        assertEquals(Attribution.key(a), Attribution.key(b));
        assertEquals(32, Attribution.key(a).length());
    }
}
