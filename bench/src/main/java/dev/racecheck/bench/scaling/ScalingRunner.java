package dev.racecheck.bench.scaling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.racecheck.bench.runner.Launch;
import dev.racecheck.bench.runner.Machine;
import dev.racecheck.bench.runner.Settings;
import dev.racecheck.bench.runner.Stats;
import dev.racecheck.bench.workloads.HeapScaling;
import dev.racecheck.bench.workloads.ThreadScaling;
import dev.racecheck.bench.workloads.VirtualThreadFanOut;

/**
 * {@code scaling}: how the agent's cost grows. Three series, each point run without and with the agent
 * (alternating, medians): {@link ThreadScaling} (fixed work) on 1, 2, 4, 16 and 256 platform threads;
 * {@link VirtualThreadFanOut} with 1,000, 3,000 and 10,000 virtual threads alive at once (JDK 21+); and
 * {@link HeapScaling} with 100,000, 1M and 10M tracked objects. Writes {@code scaling-<date>-<host>.csv},
 * {@code scaling.html} (inline SVG, no scripts) and, when Chromium is there, {@code scaling.png}.
 */
public final class ScalingRunner {
    /** One measured point of a series. */
    record Point(String series, long x, double plainSeconds, double agentSeconds, double plainRssMb, double agentRssMb,
            String problem) {
        double slowdown() {
            return problem == null ? agentSeconds / plainSeconds : Double.NaN;
        }

        double rssRatio() {
            return problem == null && plainRssMb > 0 ? agentRssMb / plainRssMb : Double.NaN;
        }
    }

    static final String THREADS = "platform threads";
    static final String VIRTUAL = "virtual threads";
    static final String OBJECTS = "tracked objects";

    private ScalingRunner() {
    }

    public static int main(String[] args) throws IOException, InterruptedException {
        Settings s;
        try {
            s = Settings.parse(args, 3);
        } catch (IllegalArgumentException e) {
            System.err.println("racecheck-bench scaling: " + e.getMessage());
            return 2;
        }
        List<Point> points = new ArrayList<>();
        String loadAtStart = Machine.loadAverage();
        int cells = s.quick ? 100_000 : ThreadScaling.DEFAULT_SIZE;
        if (s.selected(THREADS)) {
            for (int threads : s.quick ? new int[] {1, 4, 16} : new int[] {1, 2, 4, 16, 256}) {
                points.add(measure(s, THREADS, threads, s.java, ThreadScaling.class.getName(),
                        List.of(String.valueOf(cells), String.valueOf(threads))));
            }
        }
        if (s.selected(VIRTUAL)) {
            for (int vts : s.quick ? new int[] {300, 1000} : new int[] {1_000, 3_000, 10_000}) {
                if (s.java25 == null) {
                    points.add(new Point(VIRTUAL, vts, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "no JDK 21+"));
                    continue;
                }
                // All of them alive at once: one wave.
                points.add(measure(s, VIRTUAL, vts, s.java25, VirtualThreadFanOut.class.getName(),
                        List.of(String.valueOf(vts), "4", String.valueOf(vts))));
            }
        }
        if (s.selected(OBJECTS)) {
            for (int objects : s.quick ? new int[] {10_000, 100_000} : new int[] {100_000, 1_000_000, 10_000_000}) {
                points.add(measure(s, OBJECTS, objects, s.java, HeapScaling.class.getName(),
                        List.of(String.valueOf(objects), "4")));
            }
        }

        String header = "racecheck scaling, " + Machine.timestamp() + ": " + Machine.host() + ", " + Machine.nproc()
                + " CPUs, " + Machine.cpuModel() + "; " + Machine.javaVersion(s.java)
                + (s.java25 == null ? "" : " / " + Machine.javaVersion(s.java25)) + "; agent commit "
                + Machine.agentCommit(s.root) + "; " + s.runs + " runs per point (medians); load average "
                + loadAtStart + " at start, " + Machine.loadAverage() + " at end" + (s.quick ? "; QUICK smoke run" : "");
        String table = markdown(points);
        System.out.println();
        System.out.println(header);
        System.out.println();
        System.out.println(table);
        if (s.write) {
            Files.createDirectories(s.results);
            Path csv = s.results.resolve("scaling-" + Machine.date() + "-" + Machine.hostForFileName() + ".csv");
            Files.writeString(csv, csv(points), StandardCharsets.UTF_8);
            Path html = s.results.resolve("scaling.html");
            Files.writeString(html, html(header, points, cells), StandardCharsets.UTF_8);
            Path png = s.results.resolve("scaling.png");
            boolean rendered = screenshot(html, png);
            System.out.println("written: " + csv + ", " + html + (rendered ? ", " + png : " (no Chromium: no PNG)"));
        }
        return points.stream().allMatch(p -> p.problem() == null) ? 0 : 1;
    }

    private static Point measure(Settings s, String series, long x, Path java, String mainClass, List<String> args)
            throws IOException, InterruptedException {
        List<Double> plainTimes = new ArrayList<>();
        List<Double> agentTimes = new ArrayList<>();
        List<Double> plainRss = new ArrayList<>();
        List<Double> agentRss = new ArrayList<>();
        for (int run = 0; run < s.runs; run++) {
            for (boolean agent : run % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                List<String> jvmArgs = new ArrayList<>(s.jvmArgs);
                if (agent) jvmArgs.add(s.javaagent(s.agentOptions));
                Launch l = Launch.run(java, jvmArgs, s.classPath, mainClass, args, s.timeoutSeconds);
                System.out.printf(Locale.ROOT, "%-16s %9d run %d/%d %-9s %8.2f s %8.0f MB%s%n", series, x, run + 1,
                        s.runs, agent ? "racecheck" : "plain", l.wallSeconds, l.vmhwmKb() / 1024.0,
                        l.problem() == null ? "" : "  " + l.problem());
                if (l.problem() != null) {
                    System.out.println(l.excerpt(40));
                    return new Point(series, x, Stats.median(plainTimes), Stats.median(agentTimes),
                            Stats.median(plainRss), Stats.median(agentRss), (agent ? "racecheck: " : "plain: ") + l.problem());
                }
                (agent ? agentTimes : plainTimes).add(l.wallSeconds);
                (agent ? agentRss : plainRss).add(l.vmhwmKb() / 1024.0);
            }
        }
        return new Point(series, x, Stats.median(plainTimes), Stats.median(agentTimes), Stats.median(plainRss),
                Stats.median(agentRss), null);
    }

    static String markdown(List<Point> points) {
        StringBuilder sb = new StringBuilder();
        sb.append("| series | n | plain s | racecheck s | slowdown | plain RSS MB | racecheck RSS MB | RSS ratio |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Point p : points) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", p.series(),
                    Svg.number(p.x()), f2(p.plainSeconds()), f2(p.agentSeconds()),
                    p.problem() != null ? p.problem() : ratio(p.slowdown()), f0(p.plainRssMb()), f0(p.agentRssMb()),
                    ratio(p.rssRatio())));
        }
        return sb.toString();
    }

    static String csv(List<Point> points) {
        StringBuilder sb = new StringBuilder("series,n,plain_s,racecheck_s,slowdown,plain_rss_mb,racecheck_rss_mb,rss_ratio,problem\n");
        for (Point p : points) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%.3f,%.1f,%.1f,%.3f,%s\n", p.series(), p.x(),
                    p.plainSeconds(), p.agentSeconds(), p.slowdown(), p.plainRssMb(), p.agentRssMb(), p.rssRatio(),
                    p.problem() == null ? "" : p.problem().replace(',', ';')));
        }
        return sb.toString();
    }

    static String html(String header, List<Point> points, int cells) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>racecheck scaling</title>\n")
                .append("<style>body{font-family:sans-serif;margin:24px;max-width:1180px}"
                        + ".charts{display:flex;flex-wrap:wrap;gap:16px}table{border-collapse:collapse;margin-top:16px}"
                        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child,td:first-child"
                        + "{text-align:left}p{color:#444;font-size:13px}</style></head><body>\n")
                .append("<h2>racecheck: cost against threads and tracked objects</h2>\n<p>")
                .append(Svg.escape(header)).append("</p>\n<div class=\"charts\">\n");
        sb.append(chart(points, THREADS, "Fixed work (" + Svg.number(cells) + " cells x 100 Jacobi sweeps)",
                "platform threads (log scale)"));
        sb.append(chart(points, OBJECTS, "Tracked objects (2 fields each, 4 threads)", "objects (log scale)"));
        sb.append(chart(points, VIRTUAL, "Virtual threads alive at once (JDK 25)", "virtual threads (log scale)"));
        sb.append("</div>\n<table><tr><th>series</th><th>n</th><th>plain s</th><th>racecheck s</th><th>slowdown</th>"
                + "<th>plain RSS MB</th><th>racecheck RSS MB</th><th>RSS ratio</th></tr>\n");
        for (Point p : points) {
            sb.append(String.format(Locale.ROOT,
                    "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
                    p.series(), Svg.number(p.x()), f2(p.plainSeconds()), f2(p.agentSeconds()),
                    p.problem() != null ? Svg.escape(p.problem()) : ratio(p.slowdown()), f0(p.plainRssMb()),
                    f0(p.agentRssMb()), ratio(p.rssRatio())));
        }
        sb.append("</table>\n<p>Slowdown = wall time with the agent / without, whole JVM; RSS ratio = peak resident set"
                + " (VmHWM) with / without. Made by <code>java -jar bench/target/racecheck-bench.jar scaling</code>"
                + " (bench/README.md).</p>\n</body></html>\n");
        return sb.toString();
    }

    private static String chart(List<Point> points, String series, String title, String xLabel) {
        List<Point> ps = points.stream().filter(p -> p.series().equals(series)).toList();
        if (ps.isEmpty()) return "";
        double[] x = ps.stream().mapToDouble(Point::x).toArray();
        double[] slowdown = ps.stream().mapToDouble(Point::slowdown).toArray();
        double[] rss = ps.stream().mapToDouble(Point::rssRatio).toArray();
        return Svg.chart(title, xLabel, "racecheck / plain", true, List.of(
                new Svg.Series("slowdown (time)", "#c0392b", x, slowdown),
                new Svg.Series("peak RSS ratio", "#2e6fb7", x, rss)));
    }

    /** Renders the page with headless Chromium, if installed; true when the PNG was written. */
    static boolean screenshot(Path html, Path png) throws InterruptedException {
        for (String browser : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (!Files.isExecutable(Path.of(browser))) continue;
            try {
                Files.deleteIfExists(png);
                Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), "--window-size=1220,1300",
                        html.toAbsolutePath().toUri().toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return Files.isRegularFile(png);
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f0(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2fx", v);
    }
}
