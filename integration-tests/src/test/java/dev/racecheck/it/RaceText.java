package dev.racecheck.it;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads racecheck's Go-style text reports back, tolerantly. A report looks like
 *
 * <pre>
 * ==================
 * WARNING: DATA RACE
 * Read of field demo.Counter.value (demo.Counter@2bc93ec3) by thread "worker-2" (T3):
 *   at demo.Counter.next(Counter.java:12)
 *   at java.base/java.lang.Thread.run(Thread.java:840)
 *
 * Previous write of field demo.Counter.value by thread "worker-1" (T2):
 *   at demo.Counter.next(Counter.java:13)
 *
 * Thread "worker-2" (T3, running) started at:
 *   at demo.Counter.main(Counter.java:21)
 *
 * Thread "main" (T1, running) is the main thread.
 * ==================
 * racecheck: found 1 data race(s)
 * </pre>
 *
 * Only the parts the tests check are interpreted: access headers (lines starting with {@code Read}, {@code Write},
 * {@code Previous read} or {@code Previous write}), the {@code at} frames below them, thread lines, and the summary.
 */
public final class RaceText {
    public static final String WARNING = "WARNING: DATA RACE";

    private static final Pattern ACCESS_HEADER =
            Pattern.compile("(?i)^(previous\\s+)?(?:atomic\\s+)?(?:read|write)\\b.*");
    /** The end of a container access's header: {@code ... (T2) in HashMap.put:}. */
    private static final Pattern OPERATION = Pattern.compile(".*\\(T\\d+\\) in ([\\w$]+\\.[\\w$<>]+):\\s*$");
    private static final Pattern THREAD_ID_IN_PARENS = Pattern.compile("\\(T(\\d+)[,)]");
    private static final Pattern THREAD_ID = Pattern.compile("\\bT(\\d+)\\b");
    private static final Pattern FRAME_LINE = Pattern.compile("^\\s+at\\s+(\\S.*?)\\s*$");
    private static final Pattern THREAD_LINE = Pattern.compile(
            "^Thread\\s+\"(.*)\"\\s+\\(T(\\d+)(?:[,)].*?)?\\s+(started at:|is the main thread\\.)\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("^={10,}\\s*$");
    private static final Pattern SUMMARY = Pattern.compile("^racecheck: found (\\d+) data race(?:\\(s\\)|s)?\\.?$");
    /** An optional {@code module/} or {@code loader/module@version/} prefix; never matches a hidden class's {@code $$Lambda/0x..}. */
    private static final Pattern MODULE_PREFIX = Pattern.compile("^(?:[\\w.\\-]*(?:@[\\w.\\-+]*)?/){1,2}(?=[A-Za-z_])");

    private RaceText() {
    }

    /**
     * One stack frame, {@code pkg.Class.method(File.java:LINE)}.
     *
     * @param text      the frame as printed, without {@code at}
     * @param className binary class name (module prefix removed)
     * @param method    method name
     * @param file      file name, or null ({@code Unknown Source}, {@code Native Method})
     * @param line      line number, or -1
     */
    public record Frame(String text, String className, String method, String file, int line) {
        /** Parses a frame; null when it is not of the form {@code name.method(location)}. */
        static Frame parse(String text) {
            int open = text.indexOf('(');
            if (open <= 0 || !text.endsWith(")")) {
                return null;
            }
            String qualified = MODULE_PREFIX.matcher(text.substring(0, open)).replaceFirst("");
            int dot = qualified.lastIndexOf('.');
            if (dot <= 0) {
                return null;
            }
            String location = text.substring(open + 1, text.length() - 1);
            String file = null;
            int line = -1;
            int colon = location.lastIndexOf(':');
            if (colon > 0) {
                file = location.substring(0, colon);
                try {
                    line = Integer.parseInt(location.substring(colon + 1));
                } catch (NumberFormatException e) {
                    line = -1;
                }
            } else if (location.endsWith(".java")) {
                file = location;
            }
            return new Frame(text, qualified.substring(0, dot), qualified.substring(dot + 1), file, line);
        }

        /** Whether the frame has the form {@code pkg.Class.method(File.java:LINE)}. */
        public boolean hasSourceLine() {
            return file != null && line >= 0;
        }
    }

    /**
     * One access of a race.
     *
     * @param header   the access line, e.g. {@code Write of field demo.Counter.value by thread T2:}
     * @param previous whether it is the {@code Previous ...} access
     * @param thread   the thread number {@code T<n>} the header names, or null
     * @param frames   the frames below the header, innermost first; unparsable frames are null
     */
    public record Access(String header, boolean previous, Long thread, List<Frame> frames) {
        public Frame top() {
            return frames.isEmpty() ? null : frames.get(0);
        }

        /**
         * The operation of an access to a container, {@code HashMap.put} from a header ending in
         * {@code in HashMap.put:}; null for other accesses.
         */
        public String operation() {
            Matcher m = OPERATION.matcher(header);
            return m.matches() ? m.group(1) : null;
        }

        /**
         * Whether the first frame is the one that names the operation of a container access,
         * {@code java.util.HashMap.put(HashMap.java)}: the class's simple name and the method are the operation's.
         */
        public boolean startsWithOperationFrame() {
            String op = operation();
            Frame top = top();
            if (op == null || top == null) {
                return false;
            }
            String cls = top.className();
            return (cls.substring(cls.lastIndexOf('.') + 1) + "." + top.method()).equals(op) && top.line() < 0;
        }

        /** The frame of the racy line: the first frame, or for a container access the one below the operation's. */
        public Frame racyFrame() {
            if (operation() == null) {
                return top();
            }
            return startsWithOperationFrame() && frames.size() > 1 ? frames.get(1) : null;
        }
    }

    /**
     * One thread line of a report.
     *
     * @param line      the line
     * @param name      the thread's name
     * @param id        its number n of {@code T<n>}
     * @param main      whether it is the {@code is the main thread.} form
     * @param startedAt the frames of the {@code started at:} block
     */
    public record ThreadLine(String line, String name, long id, boolean main, List<Frame> startedAt) {
    }

    /**
     * One {@code WARNING: DATA RACE} block.
     *
     * @param text     the block's text
     * @param accesses every access header in the block, in order
     * @param threads  every thread line of the expected forms in the block
     * @param lines    the block's lines
     */
    public record Warning(String text, List<Access> accesses, List<ThreadLine> threads, List<String> lines) {
        /** The first access that is not a {@code Previous} one, or null. */
        public Access current() {
            return accesses.stream().filter(a -> !a.previous()).findFirst().orElse(null);
        }

        /** The first {@code Previous} access, or null. */
        public Access previous() {
            return accesses.stream().filter(Access::previous).findFirst().orElse(null);
        }

        public ThreadLine thread(long id) {
            return threads.stream().filter(t -> t.id() == id).findFirst().orElse(null);
        }

        /** Lines starting with {@code Thread} that mention {@code (T<id>}, whatever their form (for diagnostics). */
        public List<String> threadMentions(long id) {
            Pattern p = Pattern.compile("^Thread\\b.*\\(T" + id + "\\b.*");
            return lines.stream().filter(l -> p.matcher(l).matches()).toList();
        }
    }

    /** Number of {@code WARNING: DATA RACE} lines in a text. */
    public static int warningCount(String text) {
        return (int) text.lines().filter(RaceText::isWarningLine).count();
    }

    /** The first line of a report: {@code WARNING: DATA RACE}, or with a note, {@code WARNING: DATA RACE (predicted: ...)}. */
    static boolean isWarningLine(String line) {
        String l = line.strip();
        return l.equals(WARNING) || l.startsWith(WARNING + " (");
    }

    /** Every {@code WARNING: DATA RACE} block in a text, in order. */
    public static List<Warning> parse(String text) {
        List<String> lines = text.lines().toList();
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!isWarningLine(lines.get(i))) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !SEPARATOR.matcher(lines.get(end)).matches()
                    && !isWarningLine(lines.get(end))) {
                end++;
            }
            warnings.add(parseBlock(lines.subList(i, end)));
            i = end - 1;
        }
        return warnings;
    }

    private static Warning parseBlock(List<String> block) {
        List<Access> accesses = new ArrayList<>();
        List<ThreadLine> threads = new ArrayList<>();
        for (int i = 1; i < block.size(); i++) {
            String line = block.get(i);
            Matcher header = ACCESS_HEADER.matcher(line);
            Matcher thread = THREAD_LINE.matcher(line);
            if (header.matches()) {
                List<Frame> frames = framesAfter(block, i);
                accesses.add(new Access(line, header.group(1) != null, threadId(line), frames));
                i += frames.size();
            } else if (thread.matches()) {
                boolean started = thread.group(3).startsWith("started");
                List<Frame> frames = started ? framesAfter(block, i) : List.of();
                threads.add(new ThreadLine(line, thread.group(1), Long.parseLong(thread.group(2)), !started, frames));
                i += frames.size();
            }
        }
        return new Warning(String.join("\n", block), accesses, threads, List.copyOf(block));
    }

    /** The thread number of an access line: the last {@code (T<n>)}, else the first {@code T<n>} word; or null. */
    private static Long threadId(String header) {
        Long id = null;
        Matcher inParens = THREAD_ID_IN_PARENS.matcher(header);
        while (inParens.find()) {
            id = Long.valueOf(inParens.group(1));
        }
        if (id == null) {
            Matcher word = THREAD_ID.matcher(header);
            if (word.find()) {
                id = Long.valueOf(word.group(1));
            }
        }
        return id;
    }

    /** The {@code at} lines right after line {@code index}; an unparsable frame is kept as null. */
    private static List<Frame> framesAfter(List<String> lines, int index) {
        List<Frame> frames = new ArrayList<>();
        for (int j = index + 1; j < lines.size(); j++) {
            Matcher m = FRAME_LINE.matcher(lines.get(j));
            if (!m.matches()) {
                break;
            }
            frames.add(Frame.parse(m.group(1)));
        }
        return frames;
    }

    /** N of the summary line {@code racecheck: found N data race(s)} if it is the text's last non-blank line. */
    public static OptionalInt summaryCount(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher m = SUMMARY.matcher(lines.get(lines.size() - 1).strip());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
