// A hot-path micro-benchmark for racecheck (see run.sh); not part of the bench module build.
import java.util.concurrent.CyclicBarrier;

/**
 * Hot-path cost of array element accesses: two threads sweep their halves of arrays; a CyclicBarrier every
 * `every` sweeps (each barrier starts new epochs, so the next accesses take the slow path once per element).
 * Kernels: "sor" reads three rows and writes one per element (the thread's last array changes every access: the
 * direct-mapped cache), "one" sums and writes one array (the thread's last array). Prints ns per element access.
 */
public class ArrayLoop {
    static final int N = 4096;
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        String kernel = args[0];
        int every = Integer.parseInt(args[1]);
        int sweeps = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int reps = Integer.parseInt(args[4]);
        double[][] rows = new double[4][N];
        for (double[] r : rows) for (int i = 0; i < N; i++) r[i] = i;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        long[][] elapsed = new long[threads][reps];
        Thread[] ts = new Thread[threads];
        int chunk = (N - 2) / threads;
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                try {
                    int from = 1 + id * chunk, to = from + chunk;
                    run(kernel, rows, from, to, sweeps, every, barrier); // warm-up, untimed
                    for (int r = 0; r < reps; r++) {
                        barrier.await();
                        long start = cpu();
                        run(kernel, rows, from, to, sweeps, every, barrier);
                        elapsed[id][r] = cpu() - start;
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        long accessesPerThread = (long) sweeps * chunk * (kernel.equals("sor") ? 4 : 2);
        double[] ns = new double[reps];
        for (int r = 0; r < reps; r++) {
            long worst = 0;
            for (int t = 0; t < threads; t++) worst = Math.max(worst, elapsed[t][r]);
            ns[r] = worst / (double) accessesPerThread;
        }
        java.util.Arrays.sort(ns);
        System.out.printf("%s every=%d threads=%d: median %.3f min %.3f ns/access%n", kernel, every, threads, ns[reps / 2], ns[0]);
    }

    /** This thread's CPU time: the machine is shared, and wall-clock time counts the others' turns too. */
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static void run(String kernel, double[][] rows, int from, int to, int sweeps, int every, CyclicBarrier barrier)
            throws Exception {
        double[] a = rows[0], b = rows[1], c = rows[2], d = rows[3];
        double acc = 0;
        for (int s = 0; s < sweeps; s++) {
            if (kernel.equals("sor")) {
                for (int i = from; i < to; i++) d[i] = (a[i] + b[i - 1] + c[i + 1]) * 0.33;
            } else {
                for (int i = from; i < to; i++) {
                    acc += a[i];
                    a[i] = acc * 0.5;
                }
            }
            if ((s + 1) % every == 0) barrier.await();
        }
        sink = (long) acc;
    }
}
