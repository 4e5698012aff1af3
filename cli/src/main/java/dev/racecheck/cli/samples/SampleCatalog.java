package dev.racecheck.cli.samples;

import dev.racecheck.cli.Embedded;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sample programs the demo knows, read from the samples' sources embedded in the CLI jar (see
 * {@link Embedded#SAMPLE_SOURCES}). A source file is a sample if its class Javadoc has an
 * {@code Expected:} line, or if its class name starts with {@code Race} or {@code NoRace} (the
 * samples module's naming convention: Race* programs race, NoRace* programs do not), or {@code Deadlock} or
 * {@code NoDeadlock} (a lock-order inversion, and its fix). A {@code Requires: JDK <n>} paragraph says which JDK it
 * needs.
 */
public final class SampleCatalog {
    private final List<Sample> samples;

    private SampleCatalog(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** A catalog of the given samples, in demo order: by class name without Race/NoRace, racy sample first. */
    public static SampleCatalog of(List<Sample> samples) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing((Sample s) -> stem(s.simpleName()).toLowerCase(Locale.ROOT))
                .thenComparing(s -> !s.expectsReport())
                .thenComparing(Sample::name));
        return new SampleCatalog(sorted);
    }

    /** The samples embedded in this CLI jar (or found in target/classes when running from the build). */
    public static SampleCatalog load() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String resource : Embedded.list(Embedded.SAMPLE_SOURCES)) {
            if (!resource.endsWith(".java") || resource.endsWith("package-info.java") || resource.endsWith("module-info.java")) {
                continue;
            }
            String source = Embedded.readText(resource);
            if (source != null) {
                String fileName = resource.substring(resource.lastIndexOf('/') + 1);
                parse(fileName.substring(0, fileName.length() - ".java".length()), source).ifPresent(samples::add);
            }
        }
        return of(samples);
    }

    /** Reads one sample's source; empty if it is not a sample (no Expected line, no Race/NoRace name). */
    public static Optional<Sample> parse(String simpleName, String source) {
        String packageName = Javadoc.packageName(source);
        String className = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        String comment = Javadoc.typeComment(source, simpleName);
        List<String> prose = new ArrayList<>();
        String expected = null;
        int requiresJdk = 17;
        if (comment != null) {
            for (String paragraph : Javadoc.paragraphs(comment)) {
                String value = Javadoc.expected(paragraph);
                java.util.regex.Matcher requires = REQUIRES.matcher(paragraph);
                if (requires.matches()) {
                    requiresJdk = Integer.parseInt(requires.group(1));
                } else if (value == null) {
                    prose.add(paragraph);
                } else if (expected == null) {
                    expected = value;
                }
            }
        }
        Boolean deadlockByName = deadlockByName(simpleName);
        Boolean byName = deadlockByName != null ? Boolean.FALSE : raceByName(simpleName);
        if (expected == null && byName == null) {
            return Optional.empty();
        }
        boolean expectsDeadlock = expected != null ? expectsDeadlock(expected, deadlockByName)
                : Boolean.TRUE.equals(deadlockByName);
        boolean expectsRace = !expectsDeadlock && (expected != null ? expectsRace(expected, byName) : byName);
        if (expected == null || expected.isEmpty()) {
            expected = expectsDeadlock ? "potential deadlock" : expectsRace ? "race" : "no race";
        }
        String summary = prose.isEmpty() ? "" : Javadoc.firstSentence(prose.get(0));
        return Optional.of(new Sample(className, demoName(simpleName), summary, prose, expected, expectsRace,
                expectsDeadlock, requiresJdk));
    }

    private static final java.util.regex.Pattern REQUIRES =
            java.util.regex.Pattern.compile("(?i)Requires:\\s*JDK\\s*(\\d+)\\.?");

    /** What an Expected line means for deadlocks: "potential deadlock ..." is one, "no deadlock" is none. */
    static boolean expectsDeadlock(String expected, Boolean byName) {
        String e = expected.toLowerCase(Locale.ROOT).strip();
        if (e.startsWith("potential deadlock") || e.startsWith("deadlock")) return true;
        if (e.startsWith("no deadlock")) return false;
        return byName != null && byName && !e.contains("race");
    }

    /** True for Deadlock*, false for NoDeadlock*, null otherwise. */
    private static Boolean deadlockByName(String simpleName) {
        if (startsWithWord(simpleName, "NoDeadlock")) {
            return false;
        }
        if (startsWithWord(simpleName, "Deadlock")) {
            return true;
        }
        return null;
    }

    /** What an Expected line means: "no race ..." / "none" is race-free, anything else mentioning a race races. */
    static boolean expectsRace(String expected, Boolean byName) {
        String e = expected.toLowerCase(Locale.ROOT).strip();
        if (e.startsWith("no ") || e.startsWith("no-") || e.startsWith("none") || e.startsWith("race-free")
                || e.startsWith("not ")) {
            return false;
        }
        if (e.contains("race")) {
            return true;
        }
        return byName != null && byName;
    }

    /** True for Race*, false for NoRace*, null otherwise. */
    private static Boolean raceByName(String simpleName) {
        if (startsWithWord(simpleName, "NoRace")) {
            return false;
        }
        if (startsWithWord(simpleName, "Race")) {
            return true;
        }
        return null;
    }

    private static boolean startsWithWord(String name, String prefix) {
        return name.startsWith(prefix)
                && (name.length() == prefix.length() || !Character.isLowerCase(name.charAt(prefix.length())));
    }

    /** The class name without a leading Race/NoRace word (NoDeadlock: Deadlock, next to its broken form). */
    private static String stem(String simpleName) {
        if (startsWithWord(simpleName, "NoDeadlock")) {
            return simpleName.substring("No".length());
        }
        if (startsWithWord(simpleName, "NoRace") && simpleName.length() > "NoRace".length()) {
            return simpleName.substring("NoRace".length());
        }
        if (startsWithWord(simpleName, "Race") && simpleName.length() > "Race".length()) {
            return simpleName.substring("Race".length());
        }
        return simpleName;
    }

    /**
     * The name {@code racecheck demo} lists: the class name in kebab case, without the leading "Race"
     * of racy samples (the point of the demo). {@code RaceCounter} is {@code counter},
     * {@code NoRaceCounter} is {@code no-race-counter}, {@code RaceDoubleCheckedLocking} is
     * {@code double-checked-locking}.
     */
    public static String demoName(String simpleName) {
        String base = startsWithWord(simpleName, "Race") && simpleName.length() > "Race".length()
                ? simpleName.substring("Race".length()) : simpleName;
        return kebab(base);
    }

    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            boolean upper = Character.isUpperCase(c);
            if (upper && i > 0) {
                char previous = camel.charAt(i - 1);
                boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous) || (Character.isUpperCase(previous) && nextLower)) {
                    out.append('-');
                }
            }
            if (c == '_' || c == '$') {
                out.append('-');
            } else {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
    }

    public List<Sample> samples() {
        return samples;
    }

    public List<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toList());
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /**
     * The sample a demo NAME means: its demo name ({@code counter}, {@code no-race-counter}), its class
     * simple name ({@code RaceCounter}) or its full class name, ignoring case, dashes and underscores.
     */
    public Optional<Sample> find(String query) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        String q = query.strip();
        // Exact matches first, so that a class name always means that class.
        for (Sample s : samples) {
            if (s.className().equals(q) || s.simpleName().equals(q) || s.name().equals(q)) {
                return Optional.of(s);
            }
        }
        String n = normalize(q);
        for (Sample s : samples) {
            if (normalize(s.name()).equals(n) || normalize(s.simpleName()).equals(n) || normalize(s.className()).equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
