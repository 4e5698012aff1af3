package dev.racecheck.it.deadlocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * racecheck's deadlock reports read back from stderr:
 *
 * <pre>
 * ==================
 * WARNING: POTENTIAL DEADLOCK (lock-order inversion)
 * Cycle: monitor java.lang.Object@33d8c786 => monitor java.lang.Object@62bfdd6a => monitor java.lang.Object@33d8c786
 *
 * Monitor java.lang.Object@62bfdd6a acquired while holding monitor java.lang.Object@33d8c786 by thread "t1" (T3):
 *   at ...
 *
 * Monitor java.lang.Object@33d8c786 previously acquired by the same thread at:
 *   at ...
 * ...
 * Thread "t1" (T3, finished) started at:
 *   at ...
 * ==================
 * </pre>
 *
 * or {@code WARNING: DEADLOCK} with {@code Blocked: thread "t1" (T2) waits for X while holding Y:} and
 * {@code X is held by thread "t2" (T3), which acquired it at:} paragraphs.
 */
final class DeadlockText {
    static final String POTENTIAL = "WARNING: POTENTIAL DEADLOCK (lock-order inversion)";
    static final String ACTUAL = "WARNING: DEADLOCK";
    private static final Pattern HASH = Pattern.compile("@\\p{XDigit}+\\b");
    private static final Pattern FRAME = Pattern.compile("^\\s+at\\s+(?:[\\w.\\-]+(?:@[\\w.\\-+]*)?/)*([\\w.$]+)\\.([\\w$<>]+)\\((.*)\\)\\s*$");

    private DeadlockText() {
    }

    /** A frame: class, method, file and line (-1 when none). */
    record Frame(String className, String method, String file, int line) {
    }

    /** A paragraph: its first line and the frames below it. */
    record Paragraph(String header, List<Frame> frames) {
    }

    /** One report: its header, its cycle (locks without identity hashes, the first repeated last), its paragraphs. */
    record Report(String header, List<String> cycle, List<Paragraph> paragraphs) {
        List<Paragraph> starting(String prefix) {
            return paragraphs.stream().filter(p -> p.header().startsWith(prefix)).toList();
        }

        List<Paragraph> containing(String part) {
            return paragraphs.stream().filter(p -> p.header().contains(part)).toList();
        }
    }

    static List<Report> parse(String stderr) {
        List<Report> out = new ArrayList<>();
        String[] lines = stderr.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].equals(POTENTIAL) && !lines[i].equals(ACTUAL)) continue;
            String header = lines[i];
            List<String> cycle = List.of();
            List<Paragraph> paragraphs = new ArrayList<>();
            String current = null;
            List<Frame> frames = new ArrayList<>();
            for (i++; i < lines.length && !lines[i].startsWith("=========="); i++) {
                String line = lines[i];
                if (line.startsWith("Cycle: ")) {
                    cycle = Arrays.stream(line.substring("Cycle: ".length()).split(" => "))
                            .map(l -> HASH.matcher(l).replaceAll("")).toList();
                } else if (line.isBlank()) {
                    if (current != null) paragraphs.add(new Paragraph(current, frames));
                    current = null;
                    frames = new ArrayList<>();
                } else if (line.startsWith("  ")) {
                    Matcher m = FRAME.matcher(line);
                    if (m.matches()) frames.add(frame(m));
                } else {
                    current = line;
                }
            }
            if (current != null) paragraphs.add(new Paragraph(current, frames));
            out.add(new Report(header, cycle, paragraphs));
        }
        return out;
    }

    private static Frame frame(Matcher m) {
        String location = m.group(3);
        int colon = location.lastIndexOf(':');
        String file = colon > 0 ? location.substring(0, colon) : location;
        int line = -1;
        if (colon > 0) {
            try {
                line = Integer.parseInt(location.substring(colon + 1));
            } catch (NumberFormatException e) {
                // no line
            }
        }
        return new Frame(m.group(1), m.group(2), file, line);
    }
}
