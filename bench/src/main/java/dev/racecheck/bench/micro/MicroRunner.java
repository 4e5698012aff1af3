package dev.racecheck.bench.micro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import dev.racecheck.bench.runner.Machine;
import dev.racecheck.bench.runner.Settings;

/**
 * {@code micro}: runs each {@link HotPaths} benchmark in a plain fork and in a fork with the agent (JMH's classes
 * and the generated benchmark classes excluded from instrumentation), one after the other, with the GC profiler,
 * and prints the time the agent adds per operation and per access, and the bytes allocated per operation.
 * Iterations: 3 warm-up and 5 measured, 1 s each, one fork per configuration ({@code --quick}: 1 and 2, 0.5 s).
 */
public final class MicroRunner {
    /** What the agent must not instrument in a JMH fork: JMH, its dependencies, and the generated benchmark code. */
    public static final String EXCLUDE = "exclude=org.openjdk.jmh.*:*.jmh_generated.*:joptsimple.*:org.apache.commons.math3.*";

    /** One benchmark: how many tracked accesses an op makes, and which benchmark's added cost to subtract. */
    record Spec(String name, int accesses, String reference, String what) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("baseline", 0, null, "one call into instrumented code, no tracked access (the reference)"),
            new Spec("fieldReadSameEpoch", 16, "baseline", "field read, same epoch (inline fast path)"),
            new Spec("fieldWriteSameEpoch", 16, "baseline", "field write, same epoch (inline fast path)"),
            new Spec("arrayReadSameEpoch", 16, "baseline", "int[] element read, same epoch"),
            new Spec("arrayWriteSameEpoch", 16, "baseline", "int[] element write, same epoch"),
            new Spec("monitorEnterExit", 1, "baseline", "synchronized block: acquire + release (per op)"),
            new Spec("fieldReadNewEpoch", 16, "monitorEnterExit", "field read, first in a new epoch"),
            new Spec("fieldWriteNewEpoch", 16, "monitorEnterExit", "field write, first in a new epoch"),
            new Spec("arrayReadNewEpoch", 16, "monitorEnterExit", "int[] element read, first in a new epoch"),
            new Spec("arrayWriteNewEpoch", 16, "monitorEnterExit", "int[] element write, first in a new epoch"),
            new Spec("sharedReadSameEpoch", 16, "baseline", "read-shared field read, same epoch (2 threads)"),
            new Spec("sharedReadNewEpoch", 16, "monitorEnterExit", "read-shared field read, new epoch (2 threads)"),
            new Spec("volatileWrite", 1, "baseline", "volatile write: release (per op)"),
            new Spec("volatileRead", 1, "baseline", "volatile read, nothing new to acquire (per op)"),
            new Spec("threadStartJoin", 1, "baseline", "Thread start + join (per op)"));

    /** Score (ns/op), its error, and allocation (bytes/op) of one fork. */
    record Score(double nsPerOp, double error, double bytesPerOp) {
    }

    private MicroRunner() {
    }

    public static int main(String[] args) throws IOException {
        Settings s;
        try {
            s = Settings.parse(args, 1);
        } catch (IllegalArgumentException e) {
            System.err.println("racecheck-bench micro: " + e.getMessage());
            return 2;
        }
        // Other JMH runs on a shared machine must not block this one (JMH takes a machine-wide lock file by default).
        System.setProperty("jmh.ignoreLock", "true");
        Set<String> names = new LinkedHashSet<>();
        for (Spec spec : SPECS) {
            if (!s.selected(spec.name())) continue;
            // A benchmark's reference runs too, and first.
            for (Spec r = spec; r != null; r = r.reference() == null ? null : find(r.reference())) names.add(r.name());
        }
        List<String> ordered = new ArrayList<>();
        for (Spec spec : SPECS) if (names.contains(spec.name())) ordered.add(spec.name());

        String loadAtStart = Machine.loadAverage();
        Map<String, Score> plain = new LinkedHashMap<>();
        Map<String, Score> agent = new LinkedHashMap<>();
        String agentArg = s.javaagent(EXCLUDE);
        for (String name : ordered) {
            try {
                plain.put(name, run(s, name, null));
                agent.put(name, run(s, name, agentArg));
            } catch (RunnerException e) {
                System.err.println("racecheck-bench micro: " + name + " failed: " + e.getMessage());
                return 1;
            }
            System.out.printf(Locale.ROOT, "%-22s plain %10.2f ns/op   racecheck %10.2f ns/op  %8.1f B/op%n", name,
                    plain.get(name).nsPerOp(), agent.get(name).nsPerOp(), agent.get(name).bytesPerOp());
        }
        String table = table(ordered, plain, agent);
        String report = String.join("\n",
                "# racecheck microbenchmarks (JMH), " + Machine.timestamp(),
                "",
                "- host: " + Machine.host() + ", " + Machine.nproc() + " CPUs (nproc), " + Machine.cpuModel(),
                "- JDK: " + Machine.javaVersion(s.java),
                "- agent: " + s.agent + ", built from commit " + Machine.agentCommit(s.root),
                "- JMH " + org.openjdk.jmh.util.Version.getPlainVersion() + ", average time; " + iterations(s)
                        + "; one plain fork and one fork with -javaagent:racecheck.jar=" + EXCLUDE + " per benchmark",
                "- command: java -jar bench/target/racecheck-bench.jar micro" + s.given,
                "- load average (1 min): " + loadAtStart + " at start, " + Machine.loadAverage() + " at end, on "
                        + Machine.nproc() + " CPUs",
                "",
                table,
                "Added ns per access = (racecheck - plain, per op - the same for the reference) / accesses per op. The",
                "reference is `baseline` (the same call into instrumented code without an access) or, for first accesses",
                "in a new epoch, `monitorEnterExit` (the release that starts the epoch). B/op is JMH's gc.alloc.rate.norm:",
                "a fast path that allocates nothing shows the same bytes per op as plain (0).",
                "");
        System.out.println();
        System.out.println(report);
        if (s.write) {
            Files.createDirectories(s.results);
            Path out = s.results.resolve("micro-" + Machine.date() + "-" + Machine.hostForFileName() + ".md");
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println("written: " + out);
        }
        return 0;
    }

    private static Spec find(String name) {
        for (Spec s : SPECS) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException(name);
    }

    private static String iterations(Settings s) {
        return s.quick ? "1 warm-up and 2 measured iterations of 0.5 s" : "3 warm-up and 5 measured iterations of 1 s";
    }

    static Score run(Settings s, String name, String agentArg) throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^" + HotPaths.class.getName().replace(".", "\\.") + "\\." + name + "$")
                .forks(1)
                .warmupIterations(s.quick ? 1 : 3)
                .warmupTime(TimeValue.milliseconds(s.quick ? 500 : 1000))
                .measurementIterations(s.quick ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(s.quick ? 500 : 1000))
                .addProfiler(GCProfiler.class)
                .jvm(s.java.toString())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        List<String> jvmArgs = new ArrayList<>(s.jvmArgs);
        if (agentArg != null) jvmArgs.add(agentArg);
        if (!jvmArgs.isEmpty()) b.jvmArgsAppend(jvmArgs.toArray(new String[0]));
        Collection<RunResult> results = new Runner(b.build()).run();
        if (results.isEmpty()) throw new RunnerException("no result for " + name);
        RunResult r = results.iterator().next();
        Result<?> primary = r.getPrimaryResult();
        double factor = nanosPer(primary.getScoreUnit());
        double bytes = Double.NaN;
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) bytes = e.getValue().getScore();
        }
        return new Score(primary.getScore() * factor, primary.getScoreError() * factor, bytes);
    }

    private static double nanosPer(String unit) {
        if (unit.startsWith("ns/")) return 1;
        if (unit.startsWith("us/")) return 1e3;
        if (unit.startsWith("ms/")) return 1e6;
        if (unit.startsWith("s/")) return 1e9;
        throw new IllegalArgumentException("unexpected unit " + unit);
    }

    static String table(List<String> names, Map<String, Score> plain, Map<String, Score> agent) {
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | what | accesses/op | plain ns/op | racecheck ns/op | added ns/op | added ns per access | plain B/op | racecheck B/op |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String name : names) {
            Spec spec = find(name);
            Score p = plain.get(name);
            Score a = agent.get(name);
            double added = a.nsPerOp() - p.nsPerOp();
            String perAccess = "";
            if (spec.reference() != null && plain.containsKey(spec.reference())) {
                double refAdded = agent.get(spec.reference()).nsPerOp() - plain.get(spec.reference()).nsPerOp();
                perAccess = String.format(Locale.ROOT, "%.2f", (added - refAdded) / spec.accesses());
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %.1f | %s | %s | %s |\n", name, spec.what(),
                    spec.accesses(), withError(p), withError(a), added, perAccess, bytes(p.bytesPerOp()),
                    bytes(a.bytesPerOp())));
        }
        return sb.toString();
    }

    private static String withError(Score s) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", s.nsPerOp(), Double.isNaN(s.error()) ? 0 : s.error());
    }

    private static String bytes(double b) {
        return Double.isNaN(b) ? "n/a" : String.format(Locale.ROOT, "%.1f", b);
    }
}
