package dev.racecheck.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StyleTest {

    @Test
    void coloursOnlyOnATerminalWithoutNoColor() {
        assertTrue(Style.colorsWanted(Map.of(), true));
        assertFalse(Style.colorsWanted(Map.of(), false));
        assertFalse(Style.colorsWanted(Map.of("NO_COLOR", "1"), true));
        assertFalse(Style.colorsWanted(Map.of("NO_COLOR", ""), true));
    }

    @Test
    void plainStyleAddsNothing() {
        assertEquals("x", Style.PLAIN.heading("x"));
        assertEquals("x", Style.PLAIN.good("x"));
        assertEquals("x", Style.PLAIN.warn("x"));
    }

    @Test
    void wrap() {
        assertEquals(List.of("aaa bbb", "ccc"), Style.wrap("aaa bbb ccc", 7));
        assertEquals(List.of("averyveryverylongword", "b"), Style.wrap("averyveryverylongword b", 5));
        assertEquals(List.of(), Style.wrap("   ", 5));
    }
}
