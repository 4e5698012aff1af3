package dev.racecheck.bench.workloads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every workload's {@code main} shares: arguments {@code [size] [threads]}, timing, the result check, and two
 * machine-readable lines for the runner: {@code bench: workload=... elapsed_ms=... check=ok} on stdout and
 * {@code bench: vmhwm_kb=N} (peak resident set, from /proc/self/status) on stderr. A wrong result exits with 1.
 */
public final class Harness {
    /** Threads a workload uses when none is given: more than the cores of a small machine, so threads interleave. */
    public static final int DEFAULT_THREADS = 4;

    private Harness() {
        // static only
    }

    /** One workload run at a size with a number of threads, returning its own checked result. */
    @FunctionalInterface
    public interface Body {
        Check run(int size, int threads) throws Throwable;
    }

    /** The outcome of a workload's self-check: whether the result is right, and a short description of it. */
    public static final class Check {
        public final boolean ok;
        public final String detail;

        private Check(boolean ok, String detail) {
            this.ok = ok;
            this.detail = detail;
        }

        public static Check of(boolean ok, String detail) {
            return new Check(ok, detail);
        }

        @Override
        public String toString() {
            return (ok ? "ok" : "WRONG") + " (" + detail + ")";
        }
    }

    /** Parses {@code [size] [threads]}, runs, prints the result lines and exits: 0 if the check passed, 1 if not. */
    public static void main(String name, String[] args, int defaultSize, Body body) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : defaultSize;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_THREADS;
        long start = System.nanoTime();
        Check check;
        try {
            check = body.run(size, threads);
        } catch (Throwable e) {
            e.printStackTrace();
            check = Check.of(false, "threw " + e);
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("bench: workload=" + name + " size=" + size + " threads=" + threads
                + " elapsed_ms=" + elapsedMs + " check=" + (check.ok ? "ok" : "WRONG") + " " + check.detail);
        System.out.flush();
        System.err.println("bench: vmhwm_kb=" + peakRssKb());
        System.err.flush();
        if (!check.ok) System.exit(1);
    }

    /** VmHWM of this process in kB, or -1 where /proc is not there. */
    public static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the runner shows n/a
        }
        return -1;
    }

    /** The half-open range {@code [from, to)} of part {@code part} of {@code n} items split into {@code parts} near-equal blocks. */
    public static int from(int part, int parts, int n) {
        return (int) ((long) n * part / parts);
    }

    /** Starts one platform thread per part running {@code body.run(part)}, and joins them all. */
    public static void parallel(int parts, String name, PartBody body) throws InterruptedException {
        Thread[] workers = new Thread[parts];
        Throwable[] failures = new Throwable[parts];
        for (int p = 0; p < parts; p++) {
            int part = p;
            workers[p] = new Thread(() -> {
                try {
                    body.run(part);
                } catch (Throwable e) {
                    failures[part] = e;
                }
            }, name + "-" + p);
            workers[p].start();
        }
        for (Thread t : workers) t.join();
        for (Throwable f : failures) {
            if (f != null) throw new IllegalStateException("worker failed", f);
        }
    }

    /** The work of one thread, given its part number. */
    @FunctionalInterface
    public interface PartBody {
        void run(int part) throws Exception;
    }
}
