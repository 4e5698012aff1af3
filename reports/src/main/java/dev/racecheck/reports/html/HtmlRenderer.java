package dev.racecheck.reports.html;

import dev.racecheck.reports.Access;
import dev.racecheck.reports.AccessKind;
import dev.racecheck.reports.Deadlock;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.Prediction;
import dev.racecheck.reports.Race;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.SourceFile;
import dev.racecheck.reports.SourceLookup;
import dev.racecheck.reports.TestFrames;
import dev.racecheck.reports.ThreadInfo;
import dev.racecheck.reports.text.TextRenderer;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link RaceReport} as one self-contained HTML page, made to be read on a projector in a classroom as
 * much as in a browser: a summary at the top, then one card per race with the two accesses side by side, each with
 * its racy source lines (when a {@link SourceLookup} finds the file), its whole stack with the racy frame
 * highlighted, and where its thread was started. A predicted race says so and shows where the lock that ordered
 * its accesses was released and acquired, side by side; a race found while exploring schedules names its seed. Then
 * one card per deadlock: the cycle, and for each thread of it the two stacks side by side (where it acquired, or
 * waits for, a lock, and where the lock it held meanwhile was acquired), then where the threads were started.
 * Stacks elide the test framework's frames below the program's unless told to keep them ({@link TestFrames}).
 *
 * <p>Self-contained: the CSS is inline, there is no script, no font, image or any other external resource, so the
 * file can be mailed, archived as a CI artifact or opened offline. Large type and monospace stacks; reads and
 * writes are told apart by a word as well as by colour. Every piece of text from the report is HTML-escaped. The
 * output is deterministic (no timestamp), UTF-8, and ends with a newline. Formatting only.
 */
public final class HtmlRenderer {

    /** Lines of source shown before and after each racy line. */
    public static final int CONTEXT_LINES = 3;

    private HtmlRenderer() {}

    /** Appends the page for {@code report}, without source lines. */
    public static void render(RaceReport report, Appendable out) throws IOException {
        render(report, SourceLookup.NONE, out);
    }

    /** Appends the page for {@code report}; {@code sources} supplies the racy source lines. */
    public static void render(RaceReport report, SourceLookup sources, Appendable out) throws IOException {
        out.append(toHtml(report, sources));
    }

    /** Appends the page for {@code report}; {@code frames} says whether stacks show the test framework's frames. */
    public static void render(RaceReport report, SourceLookup sources, TestFrames frames, Appendable out)
            throws IOException {
        out.append(toHtml(report, sources, frames));
    }

    /** The page for {@code report}, test framework frames elided. */
    public static String toHtml(RaceReport report, SourceLookup sources) {
        return toHtml(report, sources, TestFrames.ELIDE);
    }

    /** The page for {@code report}. */
    public static String toHtml(RaceReport report, SourceLookup sources, TestFrames frames) {
        StringBuilder sb = new StringBuilder(16384);
        List<Race> races = report.races();
        List<Deadlock> deadlocks = report.deadlocks();
        String headline = headline(races, deadlocks);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(headline)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        summary(sb, report, headline);
        sb.append("<main>\n");
        Renderer r = new Renderer(sb, sources, frames);
        for (int i = 0; i < races.size(); i++) r.race(races.get(i), i + 1, races.size());
        for (int i = 0; i < deadlocks.size(); i++) r.deadlock(deadlocks.get(i), i + 1, deadlocks.size());
        sb.append("</main>\n");
        sb.append("<footer>racecheck ").append(esc(report.tool()))
                .append(" &middot; report format ").append(report.formatVersion()).append("</footer>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * {@code racecheck found 2 data races}, {@code ... and 1 potential deadlock} ({@code deadlock} when one of them
     * is actual), {@code racecheck found no data race}.
     */
    private static String headline(List<Race> races, List<Deadlock> deadlocks) {
        int n = races.size();
        String s = n == 0 && !deadlocks.isEmpty() ? "racecheck found"
                : n == 0 ? "racecheck found no data race"
                : "racecheck found " + n + " data race" + (n == 1 ? "" : "s");
        if (deadlocks.isEmpty()) return s;
        boolean allPotential = deadlocks.stream().allMatch(d -> d.kind() == Deadlock.Kind.POTENTIAL);
        return s + (n == 0 ? " " : " and ") + deadlocks.size() + (allPotential ? " potential deadlock" : " deadlock")
                + (deadlocks.size() == 1 ? "" : "s");
    }

    private static void summary(StringBuilder sb, RaceReport report, String headline) {
        sb.append("<header class=\"summary\">\n<h1>").append(esc(headline)).append("</h1>\n<dl class=\"facts\">\n");
        if (report.command() != null) fact(sb, "Program", "<code>" + esc(report.command()) + "</code>");
        if (report.exitStatus() != null) fact(sb, "Exit status", esc(report.exitStatus().toString()));
        long occurrences = 0;
        for (Race r : report.races()) occurrences += r.occurrences();
        fact(sb, "Races", report.races().size() + " distinct, " + occurrences + " occurrence"
                + (occurrences == 1 ? "" : "s") + " in all");
        if (!report.deadlocks().isEmpty()) {
            long actual = report.deadlocks().stream().filter(d -> d.kind() == Deadlock.Kind.ACTUAL).count();
            fact(sb, "Deadlocks", report.deadlocks().size() - actual + " potential, " + actual + " actual");
        }
        fact(sb, "racecheck", esc(report.tool()));
        sb.append("</dl>\n");
        if (!report.races().isEmpty() || !report.deadlocks().isEmpty()) {
            sb.append("<ol class=\"toc\">\n");
            for (int i = 0; i < report.races().size(); i++) {
                Race r = report.races().get(i);
                // Kind and line of both accesses: races on the same variable are told apart at a glance.
                sb.append("<li><a href=\"#race-").append(i + 1).append("\"><code>")
                        .append(esc(r.target().describe())).append("</code></a> &ndash; ")
                        .append(r.current().kind().lower()).append(where(r, r.current())).append(" / previous ")
                        .append(r.previous().kind().lower()).append(where(r, r.previous())).append(", ")
                        .append(times(r.occurrences()))
                        .append(r.predicted() == null ? "" : ", predicted").append("</li>\n");
            }
            for (int i = 0; i < report.deadlocks().size(); i++) {
                Deadlock d = report.deadlocks().get(i);
                sb.append("<li><a href=\"#deadlock-").append(i + 1).append("\">")
                        .append(d.kind() == Deadlock.Kind.POTENTIAL ? "potential deadlock" : "deadlock")
                        .append("</a> &ndash; <code>").append(wrappable(TextRenderer.cycle(d))).append("</code>, ")
                        .append(times(d.occurrences())).append("</li>\n");
            }
            sb.append("</ol>\n");
        } else {
            sb.append("<p class=\"clean\">No two threads accessed the same variable without synchronization in"
                    + " this run.</p>\n");
        }
        sb.append("</header>\n");
    }

    private static void fact(StringBuilder sb, String name, String html) {
        sb.append("<div><dt>").append(esc(name)).append("</dt><dd>").append(html).append("</dd></div>\n");
    }

    /** Writes the cards; holds the page, the source lookup and the frame option so the helpers need not pass them. */
    private static final class Renderer {
        private final StringBuilder sb;
        private final SourceLookup sources;
        private final TestFrames frames;

        Renderer(StringBuilder sb, SourceLookup sources, TestFrames frames) {
            this.sb = sb;
            this.sources = sources;
            this.frames = frames;
        }

        void race(Race race, int number, int total) {
            sb.append("<section class=\"race\" id=\"race-").append(number).append("\">\n");
            sb.append("<h2><span class=\"num\">Race ").append(number).append(" of ").append(total)
                    .append("</span> ").append(race.predicted() == null ? "Data race" : "Predicted data race")
                    .append(" on <code>").append(wrappable(race.target().describe())).append("</code></h2>\n");
            sb.append("<p class=\"meta\">");
            if (race.target().instance() != null) {
                sb.append("object <code>").append(esc(race.target().instance())).append("</code> &middot; ");
            }
            sb.append("seen ").append(times(race.occurrences()));
            if (race.seed() != null) {
                sb.append(" &middot; found with schedule seed <code>").append(race.seed()).append("</code> (replay it:"
                        + " <code>racecheck run --seed ").append(race.seed()).append(" ...</code>)");
            }
            sb.append(" &middot; fingerprint <code>").append(Fingerprint.of(race)).append("</code></p>\n");
            Prediction p = race.predicted();
            if (p != null) {
                sb.append("<p class=\"predicted\"><strong>Predicted:</strong> in this run the two accesses were ordered"
                        + " only by unrelated critical sections on <code>").append(wrappable(p.lock().describe()))
                        .append("</code>; in another schedule those critical sections come the other way round and the"
                                + " accesses race.</p>\n");
            }
            sb.append("<div class=\"sides\">\n");
            access(race, race.current(), "current", race.current().kind().title());
            access(race, race.previous(), "previous", "Previous " + race.previous().kind().lower());
            sb.append("</div>\n");
            if (p != null) {
                sb.append("<div class=\"sides lock\">\n");
                lockSide("Release of " + p.lock().describe() + " by "
                        + TextRenderer.threadLabel(race, race.previous()) + ", after the previous "
                        + race.previous().kind().lower(), p.releasedAt());
                lockSide("Acquisition of " + p.lock().describe() + " by "
                        + TextRenderer.threadLabel(race, race.current()) + ", before the "
                        + race.current().kind().lower(), p.acquiredAt());
                sb.append("</div>\n");
            }
            sb.append("</section>\n");
        }

        private void access(Race race, Access a, String role, String verb) {
            String kind = a.kind() == AccessKind.WRITE ? "write" : "read";
            ThreadInfo t = race.thread(a.thread());
            sb.append("<article class=\"access ").append(role).append(' ').append(kind).append("\">\n");
            sb.append("<h3><span class=\"badge\">").append(esc(verb)).append("</span> by ")
                    .append(t == null ? "unknown thread" : "thread " + esc(TextRenderer.quote(t.name())))
                    .append(" <span class=\"tid\">(T").append(a.thread()).append(")</span>");
            String operation = race.operation(a);
            if (operation != null) sb.append(" in <code>").append(esc(operation)).append("</code>");
            sb.append("</h3>\n");

            Frame racy = race.racyFrame(a);
            if (racy != null) {
                sb.append("<p class=\"where\">at <code>").append(wrappable(racy.toString())).append("</code></p>\n");
                source(sb, racy, sources.find(racy));
            }

            sb.append("<h4>Stack, innermost first</h4>\n");
            stack(sb, a.stack(), race.racyFrameIndex(a), frames);
            threadStart(t, a.thread());
            sb.append("</article>\n");
        }

        /**
         * One side of a lock's story: a heading, the program's line (the innermost frame that is not the JDK's, such
         * as the caller of {@code ReentrantLock.lock}) with its source, and the stack with that frame highlighted.
         */
        private void lockSide(String heading, List<Frame> stack) {
            sb.append("<article class=\"access lockside\">\n<h3>").append(esc(heading)).append("</h3>\n");
            int key = -1;
            for (int i = 0; i < stack.size() && key < 0; i++) if (!TestFrames.isJdk(stack.get(i).className())) key = i;
            if (key < 0 && !stack.isEmpty()) key = 0;
            if (key >= 0) {
                Frame f = stack.get(key);
                sb.append("<p class=\"where\">at <code>").append(wrappable(f.toString())).append("</code></p>\n");
                source(sb, f, sources.find(f));
            }
            sb.append("<h4>Stack, innermost first</h4>\n");
            stack(sb, stack, key, frames);
            sb.append("</article>\n");
        }

        private void threadStart(ThreadInfo t, long id) {
            sb.append("<h4>");
            if (t == null) {
                sb.append("Thread T").append(id).append(": not listed in the report</h4>\n");
                return;
            }
            sb.append("Thread ").append(esc(TextRenderer.quote(t.name()))).append(" (T").append(t.id()).append(", ")
                    .append(t.alive() ? "running" : "finished").append(')');
            if (!t.startedAt().isEmpty()) {
                sb.append(" started at</h4>\n");
                stack(sb, t.startedAt(), -1, frames);
            } else if (t.id() == 1) {
                sb.append(" is the main thread.</h4>\n");
            } else {
                sb.append(" was started before racecheck could see it.</h4>\n");
            }
        }

        void deadlock(Deadlock d, int number, int total) {
            boolean potential = d.kind() == Deadlock.Kind.POTENTIAL;
            sb.append("<section class=\"race deadlock\" id=\"deadlock-").append(number).append("\">\n");
            sb.append("<h2><span class=\"num\">Deadlock ").append(number).append(" of ").append(total)
                    .append("</span> ").append(potential ? "Potential deadlock (lock-order inversion)"
                            : "Deadlock: threads blocked in a cycle").append("</h2>\n");
            sb.append("<p class=\"cycle\">Cycle: <code>").append(wrappable(TextRenderer.cycle(d)))
                    .append("</code></p>\n");
            sb.append("<p class=\"meta\">seen ").append(times(d.occurrences())).append(" &middot; fingerprint <code>")
                    .append(Fingerprint.of(d)).append("</code></p>\n");
            for (Deadlock.Edge e : d.edges()) {
                String thread = TextRenderer.threadLabel(d, e.thread());
                sb.append("<div class=\"sides edge\">\n");
                if (potential) {
                    lockSide(e.acquired().title() + " acquired while holding " + e.held().describe() + " by "
                            + thread, e.acquiredAt());
                    lockSide(e.held().title() + " previously acquired by " + thread, e.heldAt());
                } else {
                    lockSide("Blocked: " + thread + " waits for " + e.acquired().describe() + " while holding "
                            + e.held().describe(), e.acquiredAt());
                    Deadlock.Edge holder = d.holderOf(e.acquired());
                    lockSide(holder == null ? e.acquired().title() + " is held by a thread outside the cycle"
                            : holder.held().title() + " held by " + TextRenderer.threadLabel(d, holder.thread())
                                    + ", acquired", holder == null ? List.of() : holder.heldAt());
                }
                sb.append("</div>\n");
            }
            if (!d.threads().isEmpty()) {
                sb.append("<div class=\"threads\">\n");
                for (ThreadInfo t : d.threads()) threadStart(t, t.id());
                sb.append("</div>\n");
            }
            sb.append("</section>\n");
        }
    }

    /** The racy line with {@link #CONTEXT_LINES} lines around it, when the file is found and has that line. */
    private static void source(StringBuilder sb, Frame top, Optional<SourceFile> file) {
        if (file.isEmpty() || top.line() < 1 || file.get().line(top.line()) == null) return;
        SourceFile f = file.get();
        int from = Math.max(1, top.line() - CONTEXT_LINES);
        int to = Math.min(f.lines().size(), top.line() + CONTEXT_LINES);
        int width = Integer.toString(to).length();
        // A path breaks after its slashes only, so the file name stays whole.
        sb.append("<figure class=\"source\">\n<figcaption>").append(esc(f.path()).replace("/", "/<wbr>"))
                .append("</figcaption>\n");
        sb.append("<pre>");
        for (int n = from; n <= to; n++) {
            boolean racy = n == top.line();
            sb.append(racy ? "<span class=\"line racy\">" : "<span class=\"line\">");
            sb.append("<span class=\"ln\">").append(" ".repeat(width - Integer.toString(n).length())).append(n)
                    .append("</span>").append(esc(f.line(n)));
            // The newline goes inside the span so the racy line's background spans the whole row.
            sb.append("\n</span>");
        }
        sb.append("</pre>\n</figure>\n");
    }

    /**
     * The frames as a list; the one at {@code racyIndex} (-1: none) is highlighted; the test framework's tail, if
     * {@code testFrames} elides it, is one dimmed item saying how many frames it had.
     */
    private static void stack(StringBuilder sb, List<Frame> frames, int racyIndex, TestFrames testFrames) {
        if (frames.isEmpty()) {
            sb.append("<p class=\"empty\">[no frames]</p>\n");
            return;
        }
        int cut = testFrames.cut(frames);
        sb.append("<ol class=\"stack\">\n");
        for (int i = 0; i < frames.size() - cut; i++) {
            Frame f = frames.get(i);
            String cls = i == racyIndex ? "racy" : f.module() != null ? "jdk" : "app";
            sb.append("<li class=\"").append(cls).append("\">").append(wrappable(f.toString())).append("</li>\n");
        }
        if (cut > 0) sb.append("<li class=\"elided\">").append(esc(TestFrames.elidedLine(cut))).append("</li>\n");
        sb.append("</ol>\n");
    }

    /**
     * {@code " at <code>Counter.java:12</code>"} for the racy frame, or nothing when it has no file or line; for a
     * container access the operation first: {@code " in <code>HashMap.put</code> at ..."}.
     */
    private static String where(Race race, Access a) {
        String operation = race.operation(a);
        String in = operation == null ? "" : " in <code>" + esc(operation) + "</code>";
        Frame racy = race.racyFrame(a);
        if (racy == null || racy.fileName() == null || racy.line() < 1) return in;
        return in + " at <code>" + esc(racy.fileName()) + ":" + racy.line() + "</code>";
    }

    private static String times(long n) {
        return n == 1 ? "once" : n + " times";
    }

    /**
     * Escaped text with line-break opportunities ({@code <wbr>}) after the dots, slashes and {@code $} of qualified
     * names and after an opening parenthesis, so that long names wrap at their natural joints instead of mid-word.
     * None inside parentheses: {@code (Counter.java:12)} stays whole.
     */
    static String wrappable(String s) {
        String e = esc(s);
        StringBuilder sb = new StringBuilder(e.length() + 16);
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            sb.append(c);
            if (c == ')') depth = Math.max(0, depth - 1);
            boolean joint = c == '(' || (depth == 0 && (c == '.' || c == '/' || c == '$'));
            if (c == '(') depth++;
            if (joint && i + 1 < e.length()) sb.append("<wbr>");
        }
        return sb.toString();
    }

    /** {@code s} escaped for HTML text and double- or single-quoted attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters (a thread may be named anything) are shown, not interpreted.
                    if ((c < 0x20 && c != '\t') || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /**
     * Sized for a projector: 20px base type, stacks in a monospace face at the same size, strong contrast, the two
     * accesses in two columns (one below the other on narrow screens). Writes are red, reads blue, and each is also
     * named in words for readers who cannot tell the colours apart.
     */
    private static final String CSS = """
            :root { --fg: #111; --muted: #4a4f57; --bg: #fff; --card: #f4f5f7; --border: #c6cbd3;
                    --write: #b3261e; --read: #0b57d0; --lock: #7a4b00; --hl: #fff0a0; }
            html { font-size: 20px; }
            body { margin: 0; padding: 1.2rem 1.6rem 2rem; color: var(--fg); background: var(--bg); line-height: 1.4;
                   font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
            code, pre, .stack { font-family: "DejaVu Sans Mono", "Cascadia Mono", Consolas, Menlo, "Liberation Mono", monospace; }
            h1 { font-size: 2rem; margin: 0 0 .6rem; }
            h2 { font-size: 1.45rem; margin: 0 0 .3rem; overflow-wrap: anywhere; }
            h3 { font-size: 1.15rem; margin: 0 0 .5rem; }
            h4 { font-size: 1rem; margin: 1rem 0 .3rem; color: var(--muted); font-weight: 600; }
            .summary { border-bottom: 3px solid var(--fg); padding-bottom: .8rem; margin-bottom: 1.2rem; }
            .facts { display: flex; flex-wrap: wrap; gap: .3rem 2rem; margin: 0 0 .6rem; }
            .facts div { display: flex; gap: .5rem; }
            .facts dt { font-weight: 700; }
            .facts dd { margin: 0; }
            .toc { margin: .2rem 0 0; padding-left: 1.6rem; }
            .toc a { color: inherit; }
            .clean { font-size: 1.2rem; }
            .race { background: var(--card); border: 2px solid var(--border); border-radius: 10px;
                    padding: 1rem 1.2rem 1.2rem; margin: 0 0 1.6rem; break-inside: avoid; }
            .race .num { display: inline-block; background: var(--fg); color: var(--bg); border-radius: 6px;
                         padding: 0 .5rem; margin-right: .4rem; font-size: 1rem; vertical-align: middle; }
            .meta { margin: 0 0 .9rem; color: var(--muted); }
            .sides { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.2rem; }
            @media (max-width: 1000px) { .sides { grid-template-columns: minmax(0, 1fr); } }
            .access { background: var(--bg); border: 2px solid var(--border); border-top: 8px solid var(--accent);
                      border-radius: 8px; padding: .8rem 1rem; }
            .access.write { --accent: var(--write); }
            .access.read { --accent: var(--read); }
            .badge { background: var(--accent); color: #fff; border-radius: 5px; padding: .05rem .45rem; }
            .tid { color: var(--muted); }
            .where { margin: 0 0 .5rem; overflow-wrap: anywhere; }
            .source { margin: .4rem 0 .6rem; }
            .source figcaption { font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
            .source pre { margin: .2rem 0 0; padding: .4rem 0; background: #fbfbfc; border: 1px solid var(--border);
                          border-radius: 6px; font-size: .95rem; white-space: pre-wrap; overflow-wrap: anywhere;
                          tab-size: 4; }
            .source .line { display: block; padding: 0 .6rem; }
            .source .line.racy { background: var(--hl); box-shadow: inset 6px 0 0 var(--accent); font-weight: 700; }
            .source .ln { color: var(--muted); margin-right: 1rem; user-select: none; font-weight: 400; }
            .stack { list-style: none; margin: 0; padding: 0; font-size: 1rem; }
            .stack li { padding: .12rem .5rem; border-left: 6px solid transparent; overflow-wrap: anywhere; }
            .stack li.racy { background: var(--hl); border-left-color: var(--accent); font-weight: 700; }
            .stack li.jdk, .stack li.elided { color: var(--muted); }
            .stack li.elided { font-style: italic; }
            .predicted { margin: 0 0 .9rem; padding: .5rem .8rem; border-left: 6px solid var(--lock);
                         background: var(--bg); }
            .sides.lock { margin-top: 1.2rem; }
            .access.lockside { --accent: var(--lock); }
            .race.deadlock { border-color: var(--lock); }
            .cycle { font-size: 1.05rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
            .sides.edge { margin: 0 0 1.2rem; }
            .empty { color: var(--muted); }
            footer { color: var(--muted); font-size: .8rem; }
            @media print { html { font-size: 12px; } .race { break-inside: avoid; } }
            """;
}
