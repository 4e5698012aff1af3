package dev.racecheck.bench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The macro table in Markdown: one row per workload and thread count (medians of the runs), racecheck's figures
 * beside Go's race detector on the Go port where there is one, then geometric means, maxima, the start-up row, and
 * the targets of the performance issue marked met or not met.
 */
public final class ResultTable {
    /**
     * Medians of one program run without and with its race detector (racecheck for Java, {@code -race} for Go).
     * {@code problem} is non-null when a run failed (or the side was not measured), and then the figures are not used.
     */
    public record Measure(double plainSeconds, double checkedSeconds, double plainRssMb, double checkedRssMb,
            String problem) {
        public static Measure failed(String problem) {
            return new Measure(Double.NaN, Double.NaN, Double.NaN, Double.NaN, problem);
        }

        public double slowdown() {
            return checkedSeconds / plainSeconds;
        }

        public double rssRatio() {
            return checkedRssMb / plainRssMb;
        }

        boolean measured() {
            return problem == null && plainSeconds > 0 && checkedSeconds > 0;
        }

        boolean rssMeasured() {
            return measured() && plainRssMb > 0 && checkedRssMb > 0;
        }
    }

    /**
     * One table row: a workload at a size and thread count. {@code go} is null when the workload has no Go port.
     * {@code note} is non-null when the runs completed with something to flag (races reported on a workload that has
     * none): the figures count, the note is printed under the table.
     */
    public record Row(String workload, String size, boolean grande, Measure racecheck, Measure go, String note) {
        boolean measured() {
            return racecheck.measured();
        }

        boolean rssMeasured() {
            return racecheck.rssMeasured();
        }

        /** Both racecheck's and Go's slowdown are known: the pair the per-kernel target compares. */
        boolean paired() {
            return racecheck.measured() && go != null && go.measured();
        }
    }

    /** Hello world without and with the agent (medians), or NaN when not measured. */
    public record Startup(double plainSeconds, double agentSeconds) {
    }

    private final List<Row> rows = new ArrayList<>();
    private Startup startup = new Startup(Double.NaN, Double.NaN);

    public void add(Row row) {
        rows.add(row);
    }

    public void startup(Startup s) {
        startup = s;
    }

    public List<Row> rows() {
        return rows;
    }

    public double geomeanSlowdown(boolean grandeOnly) {
        return geomean(r -> r.measured() && (!grandeOnly || r.grande()), r -> r.racecheck().slowdown());
    }

    public double geomeanRss(boolean grandeOnly) {
        return geomean(r -> r.rssMeasured() && (!grandeOnly || r.grande()), r -> r.racecheck().rssRatio());
    }

    private double geomean(Predicate<Row> which, ToDoubleFunction<Row> value) {
        return Stats.geomean(rows.stream().filter(which).mapToDouble(value).toArray());
    }

    public Row maxSlowdown() {
        return max(Row::measured, r -> r.racecheck().slowdown());
    }

    public Row maxRss() {
        return max(Row::rssMeasured, r -> r.racecheck().rssRatio());
    }

    private Row max(Predicate<Row> which, ToDoubleFunction<Row> value) {
        return rows.stream().filter(which).max((a, b) -> Double.compare(value.applyAsDouble(a), value.applyAsDouble(b)))
                .orElse(null);
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | size | plain s | racecheck s | slowdown | plain RSS MB | racecheck RSS MB | RSS ratio"
                + " | go s | go -race s | go slowdown | go RSS MB | go -race RSS MB | go RSS ratio |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> notes = new ArrayList<>();
        for (Row r : rows) {
            String name = r.workload();
            if (r.note() != null) {
                notes.add(r.note());
                name += " [" + notes.size() + "]";
            }
            sb.append("| ").append(name).append(" | ").append(r.size()).append(" | ").append(cells(r.racecheck()))
                    .append(" | ").append(r.go() == null ? "- | - | no Go port | - | - | -" : cells(r.go())).append(" |\n");
        }
        long measured = rows.stream().filter(Row::measured).count();
        long grande = rows.stream().filter(r -> r.measured() && r.grande()).count();
        sb.append(summary("**geomean, all " + measured + "**", "**" + ratio(geomeanSlowdown(false)) + "**",
                "**" + ratio(geomeanRss(false)) + "**", "", ""));
        sb.append(summary("geomean, Java Grande " + grande, ratio(geomeanSlowdown(true)), ratio(geomeanRss(true)), "",
                ""));
        long paired = rows.stream().filter(Row::paired).count();
        if (paired > 0) {
            Predicate<Row> rss = r -> r.paired() && r.racecheck().rssMeasured() && r.go().rssMeasured();
            sb.append(summary("geomean, the " + paired + " with Go figures",
                    ratio(geomean(Row::paired, r -> r.racecheck().slowdown())),
                    ratio(geomean(rss, r -> r.racecheck().rssRatio())),
                    ratio(geomean(Row::paired, r -> r.go().slowdown())), ratio(geomean(rss, r -> r.go().rssRatio()))));
        }
        Row max = maxSlowdown();
        Row maxRss = maxRss();
        Row goMax = max(Row::paired, r -> r.go().slowdown());
        Row goMaxRss = max(r -> r.paired() && r.go().rssMeasured(), r -> r.go().rssRatio());
        sb.append(summary("max", named(max, r -> r.racecheck().slowdown()), named(maxRss, r -> r.racecheck().rssRatio()),
                goMax == null ? "" : named(goMax, r -> r.go().slowdown()),
                goMaxRss == null ? "" : named(goMaxRss, r -> r.go().rssRatio())));
        for (int i = 0; i < notes.size(); i++) sb.append("\n[").append(i + 1).append("] ").append(notes.get(i)).append('\n');
        sb.append("\n| start-up | plain s | racecheck s | added s |\n|---|---:|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| hello world | %s | %s | %s |\n", seconds(startup.plainSeconds()),
                seconds(startup.agentSeconds()), Double.isNaN(startup.plainSeconds()) ? "n/a"
                        : String.format(Locale.ROOT, "%+.2f", startup.agentSeconds() - startup.plainSeconds())));
        return sb.toString();
    }

    /** The six cells of one side: plain s, checked s, slowdown (or the problem), plain RSS, checked RSS, RSS ratio. */
    private static String cells(Measure m) {
        String slowdown = m.problem() != null ? m.problem() : ratio(m.slowdown());
        String rss = m.problem() != null ? "-" : m.rssMeasured() ? ratio(m.rssRatio()) : "n/a";
        return String.join(" | ", seconds(m.plainSeconds()), seconds(m.checkedSeconds()), slowdown, mb(m.plainRssMb()),
                mb(m.checkedRssMb()), rss);
    }

    private static String summary(String label, String slowdown, String rss, String goSlowdown, String goRss) {
        StringBuilder sb = new StringBuilder("|");
        for (String cell : new String[] {label, "", "", "", slowdown, "", "", rss, "", "", goSlowdown, "", "", goRss}) {
            sb.append(cell.isEmpty() ? " |" : " " + cell + " |");
        }
        return sb.append('\n').toString();
    }

    private static String named(Row r, ToDoubleFunction<Row> value) {
        return r == null ? "n/a" : ratio(value.applyAsDouble(r)) + " (" + r.workload() + ")";
    }

    /** The targets of the performance issue against these figures, one line each. */
    public String targets() {
        StringBuilder sb = new StringBuilder();
        for (boolean grandeOnly : new boolean[] {true, false}) {
            double g = geomeanSlowdown(grandeOnly);
            sb.append(line("geomean slowdown <= 4x, " + (grandeOnly ? "Java Grande kernels" : "all workloads"), ratio(g),
                    g <= 4));
        }
        Row max = maxSlowdown();
        sb.append(line("no workload above 12x", named(max, r -> r.racecheck().slowdown()),
                max != null && max.racecheck().slowdown() <= 12));
        Row maxRss = maxRss();
        for (boolean grandeOnly : new boolean[] {true, false}) {
            double rss = geomeanRss(grandeOnly);
            sb.append(line("peak RSS geomean <= 2.5x, " + (grandeOnly ? "Java Grande kernels" : "all workloads")
                    + " (max in brackets)", ratio(rss) + (maxRss == null || grandeOnly ? ""
                            : " (max " + ratio(maxRss.racecheck().rssRatio()) + ", " + maxRss.workload() + ")"),
                    rss <= 2.5));
        }
        double added = startup.agentSeconds() - startup.plainSeconds();
        sb.append(line("start-up added to hello world <= 0.3 s",
                Double.isNaN(added) ? "n/a" : String.format(Locale.ROOT, "%.2f s", added), added <= 0.3));
        List<Row> paired = rows.stream().filter(Row::paired).toList();
        long withPort = rows.stream().filter(r -> r.go() != null && r.measured()).count();
        if (paired.isEmpty()) {
            sb.append("- racecheck slowdown <= go -race slowdown, per kernel: n/a (no Go figures"
                    + (withPort > 0 ? "; " + GoPorts.INSTALL_HINT : "") + ")\n");
        } else {
            long met = paired.stream().filter(ResultTable::noSlowerThanGo).count();
            sb.append(line("racecheck slowdown <= go -race slowdown, per kernel: " + met + " of " + paired.size(),
                    "", met == paired.size()));
            for (Row r : paired) {
                sb.append("  ").append(line(r.workload(), "racecheck " + ratio(r.racecheck().slowdown()) + ", go -race "
                        + ratio(r.go().slowdown()), noSlowerThanGo(r)));
            }
        }
        return sb.toString();
    }

    private static boolean noSlowerThanGo(Row r) {
        return r.racecheck().slowdown() <= r.go().slowdown();
    }

    private static String line(String target, String value, boolean met) {
        return "- " + target + (value.isEmpty() ? "" : ": " + value) + (met ? " (met)" : " (**not met**)") + "\n";
    }

    static String seconds(double s) {
        return Double.isNaN(s) || s <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", s);
    }

    static String mb(double m) {
        return Double.isNaN(m) || m <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", m);
    }

    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) return "n/a";
        return String.format(Locale.ROOT, r < 10 ? "%.2fx" : "%.1fx", r);
    }
}
