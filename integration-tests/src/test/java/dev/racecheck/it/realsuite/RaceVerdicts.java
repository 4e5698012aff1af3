package dev.racecheck.it.realsuite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked-in verdicts on the baseline's races ({@code published-suite/races-verdicts.md}): a Markdown table with
 * one row per race, keyed by its fingerprint.
 *
 * <pre>
 * | fingerprint | variable | accesses | verdict | why |
 * | `0123456789abcdef` | field a.B.done | write B.run / read B.complete | real race | polled without volatile ... |
 * </pre>
 *
 * <p>A verdict is {@code real race} or {@code benign by design}. A race that is racecheck's own false alarm is a
 * bug to fix, never a baseline entry: a row saying {@code racecheck bug} fails the check.
 */
record RaceVerdicts(Map<String, Row> rows, List<String> problems) {

    static final List<String> ACCEPTED = List.of("real race", "benign by design");
    static final String RACECHECK_BUG = "racecheck bug";

    record Row(int line, String fingerprint, String variable, String accesses, String verdict, String why) {
    }

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([0-9a-f]{16})`\\s*\\|(.*)\\|\\s*$");

    static RaceVerdicts read(Path file) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ROW.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String[] cells = m.group(2).split("\\|", -1);
            String where = file.getFileName() + ":" + (i + 1);
            if (cells.length != 4) {
                problems.add(where + ": a row needs 5 cells (fingerprint | variable | accesses | verdict | why), found "
                        + (cells.length + 1));
                continue;
            }
            String verdict = cells[2].strip().toLowerCase(Locale.ROOT);
            Row row = new Row(i + 1, m.group(1), cells[0].strip(), cells[1].strip(), verdict, cells[3].strip());
            if (verdict.equals(RACECHECK_BUG)) {
                problems.add(where + ": race " + row.fingerprint() + " is marked '" + RACECHECK_BUG + "': a false alarm"
                        + " of racecheck's is fixed in racecheck, not kept in the baseline");
            } else if (!ACCEPTED.contains(verdict)) {
                problems.add(where + ": verdict '" + cells[2].strip() + "' is none of " + ACCEPTED);
            }
            if (row.why().isEmpty()) {
                problems.add(where + ": race " + row.fingerprint() + " has no reason for its verdict");
            }
            if (rows.put(row.fingerprint(), row) != null) {
                problems.add(where + ": race " + row.fingerprint() + " has a second row");
            }
        }
        return new RaceVerdicts(rows, problems);
    }
}
