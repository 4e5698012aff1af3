package dev.racecheck.bench.scaling;

import java.util.List;
import java.util.Locale;

/** A small line chart as inline SVG: log or linear x, linear y from 0, one polyline per series, labelled points. */
final class Svg {
    /** One line: its name, colour, and points (x, y); y may be NaN for a failed measurement (drawn as a cross). */
    record Series(String name, String color, double[] x, double[] y) {
    }

    private static final int W = 560;
    private static final int H = 340;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 55;

    private Svg() {
    }

    static String chart(String title, String xLabel, String yLabel, boolean logX, List<Series> series) {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMax = 1;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                if (!Double.isNaN(s.y()[i])) yMax = Math.max(yMax, s.y()[i]);
            }
        }
        if (xMin == Double.MAX_VALUE) {
            xMin = 1;
            xMax = 10;
        }
        yMax = niceCeiling(yMax * 1.1);
        Scale sx = new Scale(xMin, xMax, logX, LEFT, W - RIGHT);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">\n", W, H, W, H));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"15\" font-weight=\"bold\">%s</text>\n",
                LEFT, escape(title)));
        // Axes and grid.
        int plotBottom = H - BOTTOM;
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
                LEFT, plotBottom, W - RIGHT, plotBottom));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
                LEFT, TOP, LEFT, plotBottom));
        double step = niceStep(yMax / 5);
        for (double y = 0; y <= yMax + 1e-9; y += step) {
            double py = yPixel(y, yMax);
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" "
                            + "text-anchor=\"end\">%s</text>\n",
                    LEFT, py, W - RIGHT, py, LEFT - 6, py + 4, number(y)));
        }
        for (double x : xTicks(series)) {
            double px = sx.pixel(x);
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/><text x=\"%.1f\" y=\"%d\" "
                            + "text-anchor=\"middle\">%s</text>\n",
                    px, plotBottom, px, plotBottom + 5, px, plotBottom + 18, number(x)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                (LEFT + W - RIGHT) / 2, H - 12, escape(xLabel)));
        sb.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>\n",
                (TOP + plotBottom) / 2, (TOP + plotBottom) / 2, escape(yLabel)));
        // Series.
        int legendX = LEFT + 10;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) continue;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.pixel(s.x()[i]), yPixel(s.y()[i], yMax)));
            }
            sb.append(String.format(Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n", s.color(), points));
            for (int i = 0; i < s.x().length; i++) {
                double px = sx.pixel(s.x()[i]);
                if (Double.isNaN(s.y()[i])) {
                    double py = yPixel(yMax, yMax);
                    sb.append(String.format(Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" text-anchor=\"middle\" font-weight=\"bold\">"
                                    + "&#x2717; failed</text>\n", px, py + 14, s.color()));
                    continue;
                }
                double py = yPixel(s.y()[i], yMax);
                // The first series labels its points above them, the others below, so close points stay legible.
                double labelY = series.indexOf(s) == 0 ? py - 7 : py + 15;
                sb.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" "
                                + "fill=\"%s\" text-anchor=\"middle\" font-size=\"11\">%s</text>\n",
                        px, py, s.color(), px, labelY, s.color(), number(s.y()[i])));
            }
            sb.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
                    legendX, TOP - 8, s.color(), legendX + 16, TOP - 3, escape(s.name())));
            legendX += 24 + 7 * s.name().length();
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static double[] xTicks(List<Series> series) {
        return series.isEmpty() ? new double[0] : series.get(0).x();
    }

    private static double yPixel(double y, double yMax) {
        return (H - BOTTOM) - y / yMax * (H - BOTTOM - TOP);
    }

    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * magnitude >= v) return m * magnitude;
        }
        return 10 * magnitude;
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) return m * magnitude;
        }
        return 10 * magnitude;
    }

    static String number(double v) {
        if (v >= 1_000_000 && v % 1_000_000 == 0) return (long) (v / 1_000_000) + "M";
        if (v >= 1_000 && v % 1_000 == 0) return (long) (v / 1_000) + "k";
        if (v == Math.rint(v)) return String.valueOf((long) v);
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Data to pixels on the x axis. */
    private record Scale(double min, double max, boolean log, int from, int to) {
        double pixel(double v) {
            double margin = 0.06;
            double t;
            if (max == min) {
                t = 0.5;
            } else if (log) {
                t = (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min));
            } else {
                t = (v - min) / (max - min);
            }
            return from + (margin + t * (1 - 2 * margin)) * (to - from);
        }
    }
}
