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
            s = Settings.parse(args, 3);
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

        List<Job> jobs = jobs(s);
        GoPorts ports = null;
        String goUnavailable = null;
        List<String> kernels = jobs.stream().filter(j -> j.workload.goPort).map(j -> j.workload.id).distinct().toList();
        if (!kernels.isEmpty()) {
            if (s.go == null) {
                goUnavailable = "n/a";
            } else if (!Files.isDirectory(s.goSources())) {
                goUnavailable = "n/a: no bench/go";
            } else {
                System.out.println("building the Go ports (go build, go build -race): " + String.join(", ", kernels));
                ports = GoPorts.build(s.go, s.goSources(), kernels);
            }
        }
        try {
            for (Job job : jobs) {
                table.add(measure(s, job, ports, goUnavailable, csv, failures));
            }
        } finally {
            if (ports != null) ports.close();
        }

        String load = "Load average (1 min) at start " + loadAtStart + ", at end " + Machine.loadAverage() + " on "
                + Machine.nproc() + " CPUs: above the CPU count, other jobs shared the machine and plain times are"
                + " inflated; the ratios compare runs made side by side.\n";
        String goNote = goUnavailable == null ? "" : "Go columns " + goUnavailable + ": " + (s.go == null
                ? "no go on the PATH; " + GoPorts.INSTALL_HINT : "no Go sources at " + s.goSources()) + ".\n\n";
        String report = header + "\n" + load + "\n" + table.markdown() + "\n" + goNote + "Targets (issue #6):\n\n"
                + table.targets() + "\n" + NOTES;
        System.out.println();
        System.out.println(table.markdown());
        if (!goNote.isEmpty()) System.out.print(goNote);
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

    /** One table row to measure: a workload at a size with a number of threads. */
    record Job(Workload workload, int size, int threads) {
        String name() {
            return workload.rowName(size, threads);
        }
    }

    /**
     * The rows of this run, in the order of {@link Workload}: each selected workload (by --only on its name or its row
     * name) at its default size (--quick: its quick size), once per thread count (--threads, or its defaults).
     */
    static List<Job> jobs(Settings s) {
        List<Job> jobs = new ArrayList<>();
        for (Workload w : Workload.values()) {
            int size = s.quick ? w.quickSize : w.defaultSize;
            for (int threads : s.threads != null ? s.threads : w.defaultThreads()) {
                Job job = new Job(w, size, threads);
                if (s.selected(w.id) || s.selected(job.name())) jobs.add(job);
            }
        }
        return jobs;
    }

    /**
     * Runs one row: the Java workload without and with the agent and, when it has a Go port, the port built without
     * and with -race, each pair alternating its order run by run, the Go pair after the Java pair of the same run.
     */
    private static ResultTable.Row measure(Settings s, Job job, GoPorts ports, String goUnavailable, StringBuilder csv,
            List<String> failures) throws IOException, InterruptedException {
        Workload w = job.workload;
        String name = job.name();
        Path java = w.needsJdk21 ? s.java25 : s.java;
        Side javaSide = new Side();
        Side goSide = null;
        if (w.goPort) {
            goSide = new Side();
            if (ports == null) {
                goSide.problem = goUnavailable;
            } else if (ports.buildError(w.id) != null) {
                goSide.problem = "go build failed";
                failures.add(name + " (Go port): " + ports.buildError(w.id));
            }
        }
        if (java == null) {
            javaSide.problem = "n/a: no JDK 21+ (--java25)";
            System.out.printf("%-22s n/a: needs JDK 21+ (--java25)%n", name);
        }
        List<String> args = List.of(String.valueOf(job.size), String.valueOf(job.threads));
        String note = null;
        for (int run = 0; run < s.runs; run++) {
            for (boolean agent : order(run)) {
                if (javaSide.problem != null) break;
                Launch l = Launch.run(java, jvmArgs(s, agent), s.classPath, w.mainClass.getName(), args,
                        s.timeoutSeconds);
                record(csv, job, agent ? "racecheck" : s.baselineAgentOptions != null ? "racecheck-baseline" : "plain", run,
                        s, l);
                if (agent && l.raceOnly()) {
                    // The figures still count (the work was done and checked); the races are flagged.
                    if (note == null) {
                        note = name + ": racecheck reported races on this correctly synchronized workload ("
                                + l.raceSummary() + "); see bench/README.md, known issues";
                        failures.add(name + ": races reported\n" + l.excerpt(25));
                    }
                } else if (l.problem() != null) {
                    javaSide.problem = (agent ? "racecheck: " : "plain: ") + l.problem();
                    failures.add(name + " " + javaSide.problem + "\n" + l.excerpt(60));
                    break;
                }
                javaSide.add(agent, l);
            }
            for (boolean race : order(run)) {
                if (goSide == null || goSide.problem != null) break;
                Launch l = Launch.exec(goCommand(ports.binary(w.id, race), args), s.timeoutSeconds);
                record(csv, job, race ? "go-race" : "go", run, s, l);
                if (l.problem() != null) {
                    // A race reported on the Go port is a bug in the port: its figures do not count.
                    goSide.problem = (race ? "go -race: " : "go: ") + l.problem();
                    failures.add(name + " " + goSide.problem + "\n" + l.excerpt(60));
                    break;
                }
                goSide.add(race, l);
            }
        }
        return new ResultTable.Row(name, String.valueOf(job.size), w.grande(), javaSide.medians(),
                goSide == null ? null : goSide.medians(), note);
    }

    private static List<String> goCommand(Path binary, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        return command;
    }

    private static void record(StringBuilder csv, Job job, String mode, int run, Settings s, Launch l) {
        csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%d,%.3f,%.3f,%d,%d\n", job.workload.id, job.size,
                job.threads, mode, run + 1, l.wallSeconds, l.innerSeconds(), l.vmhwmKb(), l.exitStatus));
        System.out.printf(Locale.ROOT, "%-22s run %d/%d %-9s %7.2f s %7.0f MB%s%n", job.name(), run + 1, s.runs, mode,
                l.wallSeconds, l.vmhwmKb() / 1024.0, l.problem() == null ? "" : "  " + l.problem());
    }

    /** The runs of one program without and with its detector, and the first problem, if any. */
    private static final class Side {
        final List<Double> plainTimes = new ArrayList<>();
        final List<Double> checkedTimes = new ArrayList<>();
        final List<Double> plainRss = new ArrayList<>();
        final List<Double> checkedRss = new ArrayList<>();
        String problem;

        void add(boolean checked, Launch l) {
            (checked ? checkedTimes : plainTimes).add(l.wallSeconds);
            (checked ? checkedRss : plainRss).add(l.vmhwmKb() / 1024.0);
        }

        ResultTable.Measure medians() {
            return new ResultTable.Measure(Stats.median(plainTimes), Stats.median(checkedTimes), Stats.median(plainRss),
                    Stats.median(checkedRss), problem);
        }
    }

    /** Plain first in even-numbered runs, the agent first in odd-numbered ones. */
    static boolean[] order(int run) {
        return run % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
    }

    private static List<String> jvmArgs(Settings s, boolean agent) {
        List<String> args = new ArrayList<>(s.jvmArgs);
        if (agent) args.add(s.javaagent(s.agentOptions));
        else if (s.baselineAgentOptions != null) args.add(s.javaagent(s.baselineAgentOptions));
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
                "- Go for the Go ports: " + (s.go == null ? "n/a (no go on the PATH)"
                        : String.valueOf(GoPorts.version(s.go)) + " (" + s.go + ")"),
                "- agent: " + s.agent + ", built from commit " + Machine.agentCommit(s.root)
                        + (s.agentOptions == null ? "" : ", options " + s.agentOptions),
                s.baselineAgentOptions == null ? "" : "- BASELINE SIDE UNDER THE AGENT TOO: the 'plain' columns are the"
                        + " agent with options '" + s.baselineAgentOptions + "', the 'racecheck' columns the agent with"
                        + " options '" + (s.agentOptions == null ? "" : s.agentOptions) + "' (--baseline-agent-options)",
                "- runs per configuration: " + s.runs + " (medians), plain and racecheck alternating, then go and go"
                        + " -race alternating; threads: " + (s.threads != null ? s.threads.stream().map(String::valueOf)
                                .collect(java.util.stream.Collectors.joining(" and ")) + " for every workload"
                                : "2 and 4 for the Java Grande kernels and counter, 4 for the others")
                        + (s.jvmArgs.isEmpty() ? "" : "; JVM options: " + String.join(" ", s.jvmArgs))
                        + (s.quick ? "; QUICK smoke run (small sizes)" : ""),
                "- command: java -jar bench/target/racecheck-bench.jar run" + s.given,
                "");
    }

    private static final String NOTES = String.join("\n",
            "Times are wall-clock seconds of the whole JVM (or Go process), start-up and exit included (the agent's",
            "start-up and its instrumentation of the workload's classes are part of the cost); RSS is the peak resident",
            "set (VmHWM) each program reads from /proc/self/status at its end. Slowdown = racecheck s / plain s (Go:",
            "go -race s / go s); RSS ratio likewise. A Go process starts at about 2 MB, a JVM at 40 MB or more: compare",
            "the RSS in MB, not the two ratios.",
            "Raw runs: the .csv file of the same name (inner_s is the workload's own timing of its body).",
            "");
}
