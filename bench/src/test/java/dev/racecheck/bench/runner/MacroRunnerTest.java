package dev.racecheck.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which rows a run measures: the JGF sizes and thread counts by default, --only, --threads and --quick. */
class MacroRunnerTest {
    private static List<String> rows(String... options) throws Exception {
        Path agent = Path.of(System.getProperty("racecheck.agent.jar", "../agent/target/racecheck.jar"));
        if (!Files.isRegularFile(agent)) agent = Files.createTempFile("racecheck", ".jar");
        String[] args = new String[options.length + 2];
        args[0] = "--agent";
        args[1] = agent.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return MacroRunner.jobs(Settings.parse(args, 3)).stream().map(j -> j.name() + " " + j.size()).toList();
    }

    @Test
    void defaultRunHasTheJavaGrandeSizesOnTwoAndFourThreads() throws Exception {
        List<String> rows = rows();
        for (String row : List.of("series-A/2t 10000", "series-A/4t 10000", "sor-C/2t 2000", "sor-C/4t 2000",
                "crypt-B/2t 20000000", "lufact-B/4t 1000", "sparsematmult-B/2t 100000", "montecarlo-A/2t 10000",
                "raytracer-A/4t 150", "moldyn-A/2t 8", "counter/2t 10000000", "counter/4t 10000000",
                "producerconsumer/4t 300000", "executorfanout/4t 200000", "concurrentmap/4t 1000000",
                "virtualthreads/4t 10000")) {
            assertTrue(rows.contains(row), row + " not in " + rows);
        }
        assertEquals(8 * 2 + 2 + 4, rows.size(), rows.toString());
    }

    @Test
    void onlyThreadsAndQuick() throws Exception {
        assertEquals(List.of("sor-C/2t 2000", "sor-C/4t 2000"), rows("--only", "sor"));
        assertEquals(List.of("sor-C/2t 2000"), rows("--only", "sor-C/2t"));
        assertEquals(List.of("sor-C/3t 2000", "counter/3t 10000000"), rows("--only", "^(sor|counter)$", "--threads", "3"));
        assertEquals(List.of("crypt/2t 1000000", "crypt/4t 1000000"), rows("--only", "crypt", "--quick"));
    }
}
