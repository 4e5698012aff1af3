package dev.racecheck.bench.workloads;

import java.util.Arrays;
import java.util.List;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Every workload once, at its tiny size with 3 threads, in this JVM: a smoke test that they are correct (their
 * checks pass) and, run under the agent, race-free. {@code --skip a,b} leaves workloads out. The virtual-thread
 * workload is skipped before JDK 21. Exit status 1 if a check failed.
 */
public final class AllWorkloads {
    private AllWorkloads() {
    }

    public static void main(String[] args) {
        List<String> skip = args.length == 2 && args[0].equals("--skip") ? Arrays.asList(args[1].split(",")) : List.of();
        boolean allOk = true;
        for (Workload w : Workload.values()) {
            if (skip.contains(w.id)) continue;
            if (w.needsJdk21 && Runtime.version().feature() < 21) {
                System.out.println(w.id + ": skipped, needs JDK 21+");
                continue;
            }
            Check check;
            try {
                check = w.body.run(w.tinySize, 3);
            } catch (Throwable e) {
                e.printStackTrace();
                check = Check.of(false, "threw " + e);
            }
            System.out.println(w.id + ": " + check);
            allOk &= check.ok;
        }
        if (!allOk) System.exit(1);
    }
}
