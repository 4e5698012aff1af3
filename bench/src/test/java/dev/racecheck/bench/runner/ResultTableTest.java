package dev.racecheck.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.racecheck.bench.runner.ResultTable.Measure;
import dev.racecheck.bench.runner.ResultTable.Row;

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

    private static Measure m(double plain, double checked, double plainRss, double checkedRss) {
        return new Measure(plain, checked, plainRss, checkedRss, null);
    }

    private static ResultTable sample() {
        ResultTable t = new ResultTable();
        t.add(new Row("sor-C/2t", "2000", true, m(1.0, 2.0, 100, 150), m(1.0, 4.0, 10, 30), null));
        t.add(new Row("crypt-B/2t", "20000000", true, m(1.0, 8.0, 100, 600), m(1.0, 4.0, 10, 20), null));
        t.add(new Row("concurrentmap/4t", "1000000", false, m(2.0, 4.0, 100, 100), null,
                "concurrentmap: races reported"));
        t.add(new Row("lufact-B/2t", "1000", true, new Measure(1.0, Double.NaN, 100, Double.NaN,
                "racecheck: timed out"), null, null));
        t.add(new Row("counter/2t", "10000000", false, m(1.0, 3.0, 50, 50), Measure.failed("n/a"), null));
        t.startup(new ResultTable.Startup(0.10, 0.35));
        return t;
    }

    @Test
    void geomeansLeaveOutFailedRowsAndSplitJavaGrande() {
        ResultTable t = sample();
        assertEquals(Stats.geomean(2, 8, 2, 3), t.geomeanSlowdown(false), 1e-12);
        assertEquals(4.0, t.geomeanSlowdown(true), 1e-12);
        assertEquals(Stats.geomean(1.5, 6, 1, 1), t.geomeanRss(false), 1e-12);
        assertEquals(3.0, t.geomeanRss(true), 1e-12);
        assertEquals("crypt-B/2t", t.maxSlowdown().workload());
    }

    @Test
    void markdownTable() {
        String md = sample().markdown();
        assertTrue(md.startsWith("| workload | size | plain s | racecheck s | slowdown | plain RSS MB | racecheck RSS MB"
                + " | RSS ratio | go s | go -race s | go slowdown | go RSS MB | go -race RSS MB | go RSS ratio |\n|---|---:|"),
                md);
        assertTrue(md.contains("| sor-C/2t | 2000 | 1.00 | 2.00 | 2.00x | 100 | 150 | 1.50x | 1.00 | 4.00 | 4.00x | 10 | 30"
                + " | 3.00x |\n"), md);
        assertTrue(md.contains("| crypt-B/2t | 20000000 | 1.00 | 8.00 | 8.00x | 100 | 600 | 6.00x | 1.00 | 4.00 | 4.00x"
                + " | 10 | 20 | 2.00x |\n"), md);
        assertTrue(md.contains("| concurrentmap/4t [1] | 1000000 | 2.00 | 4.00 | 2.00x | 100 | 100 | 1.00x | - | - |"
                + " no Go port | - | - | - |\n"), md);
        assertTrue(md.contains("| lufact-B/2t | 1000 | 1.00 | n/a | racecheck: timed out | 100 | n/a | - | - | - |"
                + " no Go port | - | - | - |\n"), md);
        assertTrue(md.contains("| counter/2t | 10000000 | 1.00 | 3.00 | 3.00x | 50 | 50 | 1.00x | n/a | n/a | n/a | n/a"
                + " | n/a | - |\n"), md);
        assertTrue(md.contains("| **geomean, all 4** | | | | **3.13x** | | | **1.73x** | | | | | | |\n"), md);
        assertTrue(md.contains("| geomean, Java Grande 2 | | | | 4.00x | | | 3.00x | | | | | | |\n"), md);
        assertTrue(md.contains("| geomean, the 2 with Go figures | | | | 4.00x | | | 3.00x | | | 4.00x | | | 2.45x |\n"),
                md);
        assertTrue(md.contains("| max | | | | 8.00x (crypt-B/2t) | | | 6.00x (crypt-B/2t) | | | 4.00x (sor-C/2t) | | |"
                + " 3.00x (sor-C/2t) |\n"), md);
        assertTrue(md.contains("\n[1] concurrentmap: races reported\n"), md);
        assertTrue(md.contains("| hello world | 0.10 | 0.35 | +0.25 |\n"), md);
    }

    @Test
    void targetsSayWhichAreMet() {
        String targets = sample().targets();
        assertTrue(targets.contains("- geomean slowdown <= 4x, Java Grande kernels: 4.00x (met)\n"), targets);
        assertTrue(targets.contains("- geomean slowdown <= 4x, all workloads: 3.13x (met)\n"), targets);
        assertTrue(targets.contains("- no workload above 12x: 8.00x (crypt-B/2t) (met)\n"), targets);
        assertTrue(targets.contains("- peak RSS geomean <= 2.5x, Java Grande kernels (max in brackets): 3.00x"
                + " (**not met**)\n"), targets);
        assertTrue(targets.contains("- peak RSS geomean <= 2.5x, all workloads (max in brackets): 1.73x (max 6.00x,"
                + " crypt-B/2t) (met)\n"), targets);
        assertTrue(targets.contains("- start-up added to hello world <= 0.3 s: 0.25 s (met)\n"), targets);
        assertTrue(targets.contains("- racecheck slowdown <= go -race slowdown, per kernel: 1 of 2 (**not met**)\n"
                + "  - sor-C/2t: racecheck 2.00x, go -race 4.00x (met)\n"
                + "  - crypt-B/2t: racecheck 8.00x, go -race 4.00x (**not met**)\n"), targets);

        ResultTable slow = new ResultTable();
        slow.add(new Row("sor-C/2t", "2000", true, m(1.0, 20.0, 100, 300), Measure.failed("n/a"), null));
        slow.startup(new ResultTable.Startup(0.1, 0.5));
        String t = slow.targets();
        assertTrue(t.contains("- geomean slowdown <= 4x, Java Grande kernels: 20.0x (**not met**)\n"), t);
        assertTrue(t.contains("- no workload above 12x: 20.0x (sor-C/2t) (**not met**)\n"), t);
        assertTrue(t.contains("- peak RSS geomean <= 2.5x, all workloads (max in brackets): 3.00x (max 3.00x, sor-C/2t)"
                + " (**not met**)\n"), t);
        assertTrue(t.contains("- start-up added to hello world <= 0.3 s: 0.40 s (**not met**)\n"), t);
        assertTrue(t.contains("- racecheck slowdown <= go -race slowdown, per kernel: n/a (no Go figures; install Go"), t);
    }
}
