package dev.racecheck.bench.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.racecheck.bench.workloads.HelloWorld;
import dev.racecheck.bench.workloads.Workload;

/**
 * {@code run}: every macro workload without and with the agent, alternating (plain first in odd runs, agent first in
 * even runs, to spread machine noise over both), medians of wall time and peak RSS, and the Markdown table written
 * to {@code bench/results/<date>-<host>.md} with the raw runs next to it as CSV.
 */
public final class MacroRunner {
    private MacroRunner() {
    }

    public static int main(String[] args) throws IOException, InterruptedException {
        Settings s;
        try {
            s = Settings.parse(args, 5);
        } catch (IllegalArgumentException e) {
            System.err.println("racecheck-bench run: " + e.getMessage());
            return 2;
        }
        String header = header(s);
        System.out.println(header);
        String loadAtStart = Machine.loadAverage();
        ResultTable table = new ResultTable();
        StringBuilder csv = new StringBuilder("workload,size,threads,mode,run,wall_s,inner_s,vmhwm_kb,exit\n");
        List<String> failures = new ArrayList<>();

        int startupRuns = s.quick ? 1 : Math.max(5, s.runs);
        List<Double> helloPlain = new ArrayList<>();
        List<Double> helloAgent = new ArrayList<>();
        for (int run = 0; run < startupRuns; run++) {
            for (boolean agent : order(run)) {
                Launch l = Launch.run(s.java, jvmArgs(s, agent), s.classPath, HelloWorld.class.getName(), List.of(),
                        s.timeoutSeconds);
                if (l.problem() != null) {
                    failures.add("hello world " + (agent ? "with the agent" : "plain") + ": " + l.problem() + "\n" + l.excerpt(30));
                }
                (agent ? helloAgent : helloPlain).add(l.wallSeconds);
                csv.append(String.format(Locale.ROOT, "helloworld,0,1,%s,%d,%.3f,,,%d\n", agent ? "racecheck" : "plain",
                        run + 1, l.wallSeconds, l.exitStatus));
            }
        }
        table.startup(new ResultTable.Startup(Stats.median(helloPlain), Stats.median(helloAgent)));
        System.out.printf(Locale.ROOT, "%-18s plain %.2f s, racecheck %.2f s%n", "hello world", Stats.median(helloPlain),
                Stats.median(helloAgent));

        for (Workload w : Workload.values()) {
            if (!s.selected(w.id)) continue;
            int size = s.quick ? w.quickSize : w.defaultSize;
            Path java = w.needsJdk21 ? s.java25 : s.java;
            if (java == null) {
                table.add(new ResultTable.Row(w.id, String.valueOf(size), Workload.GRANDE.contains(w), Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, "n/a: no JDK 21+ (--java25)", null));
                System.out.printf("%-18s n/a: needs JDK 21+ (--java25)%n", w.id);
                continue;
            }
            List<Double> plainTimes = new ArrayList<>();
            List<Double> agentTimes = new ArrayList<>();
            List<Double> plainRss = new ArrayList<>();
            List<Double> agentRss = new ArrayList<>();
            String problem = null;
            String note = null;
            for (int run = 0; run < s.runs && problem == null; run++) {
                for (boolean agent : order(run)) {
                    Launch l = Launch.run(java, jvmArgs(s, agent), s.classPath, w.mainClass.getName(),
                            List.of(String.valueOf(size), String.valueOf(s.threads)), s.timeoutSeconds);
                    csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%d,%.3f,%.3f,%d,%d\n", w.id, size, s.threads,
                            agent ? "racecheck" : "plain", run + 1, l.wallSeconds, l.innerSeconds(), l.vmhwmKb(),
                            l.exitStatus));
                    System.out.printf(Locale.ROOT, "%-18s run %d/%d %-9s %7.2f s %7.0f MB%s%n", w.id, run + 1, s.runs,
                            agent ? "racecheck" : "plain", l.wallSeconds, l.vmhwmKb() / 1024.0,
                            l.problem() == null ? "" : "  " + l.problem());
                    if (agent && l.raceOnly()) {
                        // The figures still count (the work was done and checked); the races are flagged.
                        if (note == null) {
                            note = w.id + ": racecheck reported races on this correctly synchronized workload ("
                                    + l.raceSummary() + "); see bench/README.md, known issues";
                            failures.add(w.id + ": races reported\n" + l.excerpt(25));
                        }
                    } else if (l.problem() != null) {
                        problem = (agent ? "racecheck: " : "plain: ") + l.problem();
                        failures.add(w.id + " " + problem + "\n" + l.excerpt(60));
                        break;
                    }
                    (agent ? agentTimes : plainTimes).add(l.wallSeconds);
                    (agent ? agentRss : plainRss).add(l.vmhwmKb() / 1024.0);
                }
            }
            table.add(new ResultTable.Row(w.id, String.valueOf(size), Workload.GRANDE.contains(w),
                    Stats.median(plainTimes), Stats.median(agentTimes), Stats.median(plainRss), Stats.median(agentRss),
                    problem, note));
        }

        String load = "Load average (1 min) at start " + loadAtStart + ", at end " + Machine.loadAverage() + " on "
                + Machine.nproc() + " CPUs: above the CPU count, other jobs shared the machine and plain times are"
                + " inflated; the ratios compare runs made side by side.\n";
        String report = header + "\n" + load + "\n" + table.markdown() + "\nTargets (issue #6):\n\n" + table.targets() + "\n" + NOTES;
        System.out.println();
        System.out.println(table.markdown());
        System.out.println(table.targets());
        for (String f : failures) System.out.println("FAILED: " + f);
        if (s.write) {
            Files.createDirectories(s.results);
            String base = Machine.date() + "-" + Machine.hostForFileName();
            Path md = s.results.resolve(base + ".md");
            Files.writeString(md, report, StandardCharsets.UTF_8);
            Files.writeString(s.results.resolve(base + ".csv"), csv.toString(), StandardCharsets.UTF_8);
            System.out.println("written: " + md + " and " + base + ".csv");
        }
        return failures.isEmpty() ? 0 : 1;
    }

    /** Plain first in even-numbered runs, the agent first in odd-numbered ones. */
    static boolean[] order(int run) {
        return run % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
    }

    private static List<String> jvmArgs(Settings s, boolean agent) {
        List<String> args = new ArrayList<>(s.jvmArgs);
        if (agent) args.add(s.javaagent(null));
        return args;
    }

    static String header(Settings s) {
        return String.join("\n",
                "# racecheck macro benchmarks, " + Machine.timestamp(),
                "",
                "- host: " + Machine.host() + ", " + Machine.nproc() + " CPUs (nproc), " + Machine.cpuModel() + ", "
                        + Machine.memoryMb() + " MB RAM",
                "- JDK: " + Machine.javaVersion(s.java),
                "- JDK for virtual threads: " + (s.java25 == null ? "n/a" : Machine.javaVersion(s.java25)),
                "- agent: " + s.agent + ", built from commit " + Machine.agentCommit(s.root),
                "- runs per configuration: " + s.runs + " (medians), plain and racecheck alternating; threads per workload: "
                        + s.threads + (s.jvmArgs.isEmpty() ? "" : "; JVM options: " + String.join(" ", s.jvmArgs))
                        + (s.quick ? "; QUICK smoke run (small sizes)" : ""),
                "- command: java -jar bench/target/racecheck-bench.jar run" + s.given,
                "");
    }

    private static final String NOTES = String.join("\n",
            "Times are wall-clock seconds of the whole JVM, start-up and exit included (the agent's start-up and its",
            "instrumentation of the workload's classes are part of the cost); RSS is the peak resident set (VmHWM)",
            "each workload reads from /proc/self/status at its end. Slowdown = racecheck s / plain s; RSS ratio likewise.",
            "Raw runs: the .csv file of the same name (inner_s is the workload's own timing of its body).",
            "");
}
