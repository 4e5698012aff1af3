package dev.racecheck.cli.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The known option closest to a mistyped one, for "did you mean" in usage errors. Pure functions. */
final class OptionSuggestions {

    private OptionSuggestions() {
    }

    /**
     * The option of {@code ours} or else of {@code others} closest to {@code typed}, or {@code null} if none is close:
     * first one with the same words ({@code --halt_on_error}, {@code --exit-code}), then the nearest by edit distance
     * (at most 1 for names of up to 5 letters, 2 up to 11, 3 beyond: a typo, not another option), then the shortest
     * that starts with what was typed (4 letters at least).
     */
    static String closest(String typed, Collection<String> ours, Collection<String> others) {
        List<String> candidates = new ArrayList<>(ours);
        candidates.addAll(others);
        for (String c : candidates) {
            if (sameWords(typed, c)) return c;
        }
        String t = spelling(typed);
        int core = t.replaceFirst("^-+", "").length();
        int allowed = core <= 5 ? 1 : core <= 11 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, spelling(c));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= allowed) return best;
        String prefixed = null;
        if (core >= 4) {
            for (String c : candidates) {
                if (spelling(c).startsWith(t) && (prefixed == null || c.length() < prefixed.length())) prefixed = c;
            }
        }
        return prefixed;
    }

    /** Whether two option names differ only in case, dashes and underscores: {@code --halt_on_error}, {@code --HaltOnError}. */
    static boolean sameWords(String a, String b) {
        return words(a).equals(words(b));
    }

    private static String words(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static String spelling(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Edit distance counting an adjacent transposition as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
