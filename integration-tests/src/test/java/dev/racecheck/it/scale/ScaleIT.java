package dev.racecheck.it.scale;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.JvmRun;
import dev.racecheck.it.ProgramSource;
import dev.racecheck.it.RaceAssertions;

/**
 * No thread cap, bounded memory: {@link ManyVirtualThreads} starts 100,000 virtual threads, 2,000 of them waiting at
 * once, on JDK 25 under the agent with the heap capped at 256 MB, and racecheck still finds the planted race with
 * both stacks, once with main learning of every thread's end and once without (a server's acceptor). Were
 * racecheck's memory to grow with every thread started, the run would fail with an OutOfMemoryError (a dense vector
 * clock per thread and synchronizer did, at about 30,000 threads); were thread slots not reused, there would be one
 * per thread. The full-size run (1,000,000 threads, 10,000 alive) is integration-tests/scale-run.sh, not a test: it
 * takes minutes.
 */
class ScaleIT {
    private static final int THREADS = 100_000;
    private static final int ALIVE = 2_000;
    private static final Pattern SLOTS = Pattern.compile("racecheck: threads: (\\d+) clock slots for (\\d+) threads");
    private static final Pattern VIRTUAL_THREAD = Pattern.compile("by thread \"VirtualThread\\[#\\d+\\]\" \\(T\\d+\\)");
    private static final Pattern PEAK_RSS = Pattern.compile("peakRssMb=(-?\\d+)");

    @Test
    void hundredThousandVirtualThreadsInAFixedHeapStillFindThePlantedRace() {
        JvmRun.Result run = run("");
        int slots = slots(run);
        assertTrue(slots <= 5 * ALIVE, () -> slots + " clock slots for " + THREADS + " threads, at most about "
                + ALIVE + " alive: the slots of ended threads should be reused" + run.describe());
    }

    /**
     * Main never learns what a thread did (it waits for the thread's end by polling its state): no slot can be
     * handed on because the starter covers its last occupant, only once no variable holds an epoch of it any more.
     */
    @Test
    void threadsNobodyJoinsHandTheirSlotsOnOnceTheirEpochsAreGone() {
        JvmRun.Result run = run("acceptor");
        int slots = slots(run);
        assertTrue(slots < THREADS * 3 / 4, () -> slots + " clock slots for " + THREADS + " threads, at most about "
                + ALIVE + " alive: retired slots should be reused" + run.describe());
    }

    /** Runs the scale program on JDK 25 and checks what every run must show. */
    private static JvmRun.Result run(String mode) {
        Jdks.Jdk jdk = Jdks.jdk25().require();
        JvmRun.Result run = JvmRun.on(jdk).jvmArgs("-Xmx256m")
                .agent(Env.agentJar(), "verbose=1")
                .classpath(Env.testClasses())
                .mainClass(ManyVirtualThreads.class.getName(), Integer.toString(THREADS), Integer.toString(ALIVE), mode)
                .timeout(Duration.ofMinutes(4))
                .run();
        RaceAssertions.assertRaceDetected(run, source());
        // An unnamed virtual thread is named by its id alone, not by the state and carrier toString() adds.
        assertTrue(VIRTUAL_THREAD.matcher(run.stderr()).find(),
                () -> "the race should name its virtual threads as VirtualThread[#id]" + run.describe());
        long sum = (long) THREADS * (THREADS - 1) / 2;
        assertTrue(run.stdout().contains("threads=" + THREADS + " alive=" + ALIVE), () -> "no result line" + run.describe());
        assertTrue(run.stdout().contains(" sum=" + sum + " "), () -> "every thread should have run" + run.describe());

        Matcher rss = PEAK_RSS.matcher(run.stdout());
        assertTrue(rss.find(), () -> "the program should print its peak RSS" + run.describe());
        long peakMb = Long.parseLong(rss.group(1));
        // -1: no /proc (not Linux). The heap is capped at 256 MB; the rest is the JVM's own (code, metaspace,
        // thread stacks), about 100 MB without the agent.
        assertTrue(peakMb < 768, () -> "peak RSS " + peakMb + " MB with a 256 MB heap" + run.describe());

        return run;
    }

    /** The clock slots racecheck handed out (verbose=1 prints them at exit). */
    private static int slots(JvmRun.Result run) {
        Matcher slots = SLOTS.matcher(run.stderr());
        assertTrue(slots.find(), () -> "verbose=1 should print the number of clock slots" + run.describe());
        return Integer.parseInt(slots.group(1));
    }

    private static ProgramSource source() {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        return ProgramSource.read(base.resolve("src/test/java").resolve(
                ManyVirtualThreads.class.getName().replace('.', '/') + ".java"));
    }
}
