package dev.racecheck.bench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The macro table in Markdown: one row per workload (medians of the runs), then the geometric means of slowdown and
 * RSS ratio over the workloads that ran, the largest slowdown, and the start-up row.
 */
public final class ResultTable {
    /**
     * One workload's medians. {@code problem} is non-null when a run failed, and then the figures are not used;
     * {@code note} is non-null when the runs completed with something to flag (races reported on a workload that
     * has none): the figures count, the note is printed under the table.
     */
    public record Row(String workload, String size, boolean grande, double plainSeconds, double agentSeconds,
            double plainRssMb, double agentRssMb, String problem, String note) {
        public double slowdown() {
            return agentSeconds / plainSeconds;
        }

        public double rssRatio() {
            return agentRssMb / plainRssMb;
        }

        boolean measured() {
            return problem == null && plainSeconds > 0 && agentSeconds > 0;
        }

        boolean rssMeasured() {
            return measured() && plainRssMb > 0 && agentRssMb > 0;
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
        return Stats.geomean(rows.stream().filter(r -> r.measured() && (!grandeOnly || r.grande()))
                .mapToDouble(Row::slowdown).toArray());
    }

    public double geomeanRss(boolean grandeOnly) {
        return Stats.geomean(rows.stream().filter(r -> r.rssMeasured() && (!grandeOnly || r.grande()))
                .mapToDouble(Row::rssRatio).toArray());
    }

    public Row maxSlowdown() {
        return rows.stream().filter(Row::measured).max((a, b) -> Double.compare(a.slowdown(), b.slowdown())).orElse(null);
    }

    public Row maxRss() {
        return rows.stream().filter(Row::rssMeasured).max((a, b) -> Double.compare(a.rssRatio(), b.rssRatio())).orElse(null);
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | size | plain s | racecheck s | slowdown | plain RSS MB | racecheck RSS MB | RSS ratio |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> notes = new ArrayList<>();
        for (Row r : rows) {
            String name = r.workload();
            if (r.note() != null) {
                notes.add(r.note());
                name += " [" + notes.size() + "]";
            }
            if (r.problem() != null) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", name, r.size(),
                        seconds(r.plainSeconds()), seconds(r.agentSeconds()), r.problem(), mb(r.plainRssMb()),
                        mb(r.agentRssMb()), "-"));
            } else {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", name, r.size(),
                        seconds(r.plainSeconds()), seconds(r.agentSeconds()), ratio(r.slowdown()), mb(r.plainRssMb()),
                        mb(r.agentRssMb()), r.rssMeasured() ? ratio(r.rssRatio()) : "n/a"));
            }
        }
        long measured = rows.stream().filter(Row::measured).count();
        long grande = rows.stream().filter(r -> r.measured() && r.grande()).count();
        sb.append(String.format(Locale.ROOT, "| **geomean, all %d** | | | | **%s** | | | **%s** |\n", measured,
                ratio(geomeanSlowdown(false)), ratio(geomeanRss(false))));
        sb.append(String.format(Locale.ROOT, "| geomean, Java Grande %d | | | | %s | | | %s |\n", grande,
                ratio(geomeanSlowdown(true)), ratio(geomeanRss(true))));
        Row max = maxSlowdown();
        Row maxRss = maxRss();
        sb.append(String.format(Locale.ROOT, "| max | | | | %s | | | %s |\n",
                max == null ? "n/a" : ratio(max.slowdown()) + " (" + max.workload() + ")",
                maxRss == null ? "n/a" : ratio(maxRss.rssRatio()) + " (" + maxRss.workload() + ")"));
        for (int i = 0; i < notes.size(); i++) sb.append("\n[").append(i + 1).append("] ").append(notes.get(i)).append('\n');
        sb.append("\n| start-up | plain s | racecheck s | added s |\n|---|---:|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| hello world | %s | %s | %s |\n", seconds(startup.plainSeconds()),
                seconds(startup.agentSeconds()), Double.isNaN(startup.plainSeconds()) ? "n/a"
                        : String.format(Locale.ROOT, "%+.2f", startup.agentSeconds() - startup.plainSeconds())));
        return sb.toString();
    }

    /** The targets of issue #6 against these figures, one line each. */
    public String targets() {
        StringBuilder sb = new StringBuilder();
        double g = geomeanSlowdown(false);
        Row max = maxSlowdown();
        double rss = geomeanRss(false);
        Row maxRss = maxRss();
        double added = startup.agentSeconds() - startup.plainSeconds();
        sb.append(line("geomean slowdown <= 4x", ratio(g), g <= 4));
        sb.append(line("no workload above 12x", max == null ? "n/a" : ratio(max.slowdown()) + " (" + max.workload() + ")",
                max != null && max.slowdown() <= 12));
        sb.append(line("peak RSS <= 2.5x (geomean; max in brackets)", ratio(rss) + (maxRss == null ? ""
                : " (max " + ratio(maxRss.rssRatio()) + ", " + maxRss.workload() + ")"), rss <= 2.5));
        sb.append(line("start-up added to hello world <= 0.3 s",
                Double.isNaN(added) ? "n/a" : String.format(Locale.ROOT, "%.2f s", added), added <= 0.3));
        return sb.toString();
    }

    private static String line(String target, String value, boolean met) {
        return "- " + target + ": " + value + (met ? " (met)" : " (**not met**)") + "\n";
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
