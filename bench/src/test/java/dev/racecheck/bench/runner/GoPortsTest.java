package dev.racecheck.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.racecheck.bench.workloads.Harness.Check;
import dev.racecheck.bench.workloads.Workload;

/**
 * The Go ports of bench/go, built as the runner builds them (plain and -race), at their Java twins' tiny sizes: each
 * passes its check with 1 and 3 goroutines, keeps the output contract (result line on stdout, VmHWM on stderr), is
 * race-free under Go's race detector, and prints the same check values as its Java twin (the same input data and
 * arithmetic). Skipped, with a message, where there is no go on the PATH.
 */
class GoPortsTest {
    private static final Pattern VALUE = Pattern.compile("(\\w+)=(-?[0-9][0-9.eE+-]*)");

    @Test
    void portsBuildRunRaceFreeAndMatchTheirJavaTwins() throws Throwable {
        Path go = Settings.onPath("go");
        if (go == null) System.out.println("GoPortsTest: skipped, no go on the PATH; " + GoPorts.INSTALL_HINT);
        Assumptions.assumeTrue(go != null, "no go on the PATH; " + GoPorts.INSTALL_HINT);
        Path sources = Path.of(System.getProperty("racecheck.bench.go", "go"));
        List<String> kernels = new ArrayList<>();
        for (Workload w : Workload.values()) {
            if (w.goPort) kernels.add(w.id);
        }
        assertTrue(kernels.containsAll(List.of("sor", "crypt", "sparsematmult", "series", "counter")), kernels.toString());
        try (GoPorts ports = GoPorts.build(go, sources, kernels)) {
            for (String kernel : kernels) {
                assertNull(ports.buildError(kernel), kernel + ": " + ports.buildError(kernel));
                Workload w = Workload.byId(kernel).orElseThrow();
                String size = String.valueOf(w.tinySize);
                for (int threads : new int[] {1, 3}) {
                    Launch l = Launch.exec(List.of(ports.binary(kernel, false).toString(), size, String.valueOf(threads)),
                            120);
                    assertEquals(0, l.exitStatus, l.excerpt(40));
                    assertTrue(l.stdout.startsWith("bench: workload=" + kernel + " size=" + size + " threads=" + threads
                            + " elapsed_ms="), l.stdout);
                    assertTrue(l.stdout.contains(" check=ok "), l.stdout);
                    assertTrue(l.vmhwmKb() > 0, l.stderr);
                }
                Launch raced = Launch.exec(List.of(ports.binary(kernel, true).toString(), size, "3"), 300);
                assertFalse(raced.raceReported(), raced.excerpt(60));
                assertEquals(0, raced.exitStatus, raced.excerpt(60));

                Check java = w.body.run(w.tinySize, 3);
                assertTrue(java.ok, java.toString());
                Map<String, String> javaValues = values(java.detail);
                Map<String, String> goValues = values(raced.stdout);
                assertFalse(javaValues.isEmpty(), kernel + ": no name=value in the Java check '" + java.detail + "'");
                for (Map.Entry<String, String> e : javaValues.entrySet()) {
                    String goValue = goValues.get(e.getKey());
                    assertNotNull(goValue, kernel + ": Go prints no " + e.getKey() + " in " + raced.stdout);
                    assertTrue(same(e.getValue(), goValue), kernel + ": " + e.getKey() + " is " + e.getValue()
                            + " in Java, " + goValue + " in Go");
                }
            }
        }
    }

    private static Map<String, String> values(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = VALUE.matcher(text);
        while (m.find()) values.put(m.group(1), m.group(2));
        return values;
    }

    /**
     * Integers exactly; floating-point values to a relative 1e-12 (Go's and Java's pow, sin and cos may differ in the
     * last bit; everything else is the same arithmetic in the same order).
     */
    private static boolean same(String a, String b) {
        if (a.equals(b)) return true;
        if (a.matches("-?\\d+") || b.matches("-?\\d+")) return false;
        double x = Double.parseDouble(a);
        double y = Double.parseDouble(b);
        return Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
    }
}
