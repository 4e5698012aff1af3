package dev.racecheck.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Stats.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertTrue(Double.isNaN(Stats.median(List.of())));
    }

    @Test
    void geometricMean() {
        assertEquals(4.0, Stats.geomean(2, 8), 1e-12);
        assertEquals(3.0, Stats.geomean(1, 3, 9), 1e-12);
    }

    private static ResultTable sample() {
        ResultTable t = new ResultTable();
        t.add(new ResultTable.Row("sor", "300", true, 1.0, 2.0, 100, 150, null, null));
        t.add(new ResultTable.Row("crypt", "12000000", true, 1.0, 8.0, 100, 600, null, null));
        t.add(new ResultTable.Row("concurrentmap", "1000000", false, 2.0, 4.0, 100, 100, null,
                "concurrentmap: races reported"));
        t.add(new ResultTable.Row("lufact", "800", true, 1.0, Double.NaN, 100, Double.NaN, "racecheck: timed out", null));
        t.startup(new ResultTable.Startup(0.10, 0.35));
        return t;
    }

    @Test
    void geomeansLeaveOutFailedRowsAndSplitJavaGrande() {
        ResultTable t = sample();
        assertEquals(Stats.geomean(2, 8, 2), t.geomeanSlowdown(false), 1e-12);
        assertEquals(4.0, t.geomeanSlowdown(true), 1e-12);
        assertEquals(Stats.geomean(1.5, 6, 1), t.geomeanRss(false), 1e-12);
        assertEquals("crypt", t.maxSlowdown().workload());
    }

    @Test
    void markdownTable() {
        String md = sample().markdown();
        assertTrue(md.startsWith("| workload | size | plain s | racecheck s | slowdown | plain RSS MB | racecheck RSS MB"
                + " | RSS ratio |\n|---|---:|"), md);
        assertTrue(md.contains("| sor | 300 | 1.00 | 2.00 | 2.00x | 100 | 150 | 1.50x |\n"), md);
        assertTrue(md.contains("| crypt | 12000000 | 1.00 | 8.00 | 8.00x | 100 | 600 | 6.00x |\n"), md);
        assertTrue(md.contains("| concurrentmap [1] | 1000000 | 2.00 | 4.00 | 2.00x | 100 | 100 | 1.00x |\n"), md);
        assertTrue(md.contains("| lufact | 800 | 1.00 | n/a | racecheck: timed out | 100 | n/a | - |\n"), md);
        assertTrue(md.contains("| **geomean, all 3** | | | | **3.17x** | | | **2.08x** |\n"), md);
        assertTrue(md.contains("| geomean, Java Grande 2 | | | | 4.00x | | | 3.00x |\n"), md);
        assertTrue(md.contains("| max | | | | 8.00x (crypt) | | | 6.00x (crypt) |\n"), md);
        assertTrue(md.contains("\n[1] concurrentmap: races reported\n"), md);
        assertTrue(md.contains("| hello world | 0.10 | 0.35 | +0.25 |\n"), md);
    }

    @Test
    void targetsSayWhichAreMet() {
        String targets = sample().targets();
        assertTrue(targets.contains("- geomean slowdown <= 4x: 3.17x (met)\n"), targets);
        assertTrue(targets.contains("- no workload above 12x: 8.00x (crypt) (met)\n"), targets);
        assertTrue(targets.contains("- start-up added to hello world <= 0.3 s: 0.25 s (met)\n"), targets);
        ResultTable slow = new ResultTable();
        slow.add(new ResultTable.Row("sor", "300", true, 1.0, 20.0, 100, 300, null, null));
        slow.startup(new ResultTable.Startup(0.1, 0.5));
        String t = slow.targets();
        assertTrue(t.contains("- geomean slowdown <= 4x: 20.0x (**not met**)\n"), t);
        assertTrue(t.contains("- no workload above 12x: 20.0x (sor) (**not met**)\n"), t);
        assertTrue(t.contains("- peak RSS <= 2.5x (geomean; max in brackets): 3.00x (max 3.00x, sor) (**not met**)\n"), t);
        assertTrue(t.contains("- start-up added to hello world <= 0.3 s: 0.40 s (**not met**)\n"), t);
    }
}
