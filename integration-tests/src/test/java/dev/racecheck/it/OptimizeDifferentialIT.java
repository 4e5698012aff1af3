package dev.racecheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Static check placement and the per-thread element filters (agent option {@code optimize}, on by default; the
 * filters act at run time, so every program of the array suites counts as affected) must not change what racecheck
 * reports: every
 * program of the edge, container, array-call and sample suites gives the same verdict (exit status, whether a race is
 * reported) and the same races (the same set of pairs of racy accesses, each named by its kind and the source line of
 * its top frame) with {@code optimize=0} as with the default.
 *
 * <p>Cheap by construction: each program's classes are instrumented here, in this JVM, by the agent jar's own
 * {@code ClassInstrumenter} with the option on and off (two copies of the jar, so that both number their sites
 * alike); a program whose class files come out byte for byte the same behaves the same and is not run again. The
 * others run once more, with {@code optimize=0}, on the JDK running the tests only, and are compared with the run
 * with the default options that {@code EdgesIT}, {@code ContainersIT}, {@code ArrayCallsIT} and {@code SamplesIT}
 * make anyway ({@link JvmRun#runShared()}: whichever test asks first makes it).
 *
 * <p>Racy programs whose two threads are not ordered may interleave differently from run to run; a program whose
 * races differ is run again in both modes (at most {@value #ATTEMPTS} times in all), and passes when one pair of runs
 * agrees.
 */
class OptimizeDifferentialIT {
    private static final int ATTEMPTS = 3;
    /**
     * Suites whose programs all count as affected: the element filters and the packed element states act at run time,
     * where the class files of a program can be the same in both modes; these programs are the ones built around array
     * elements (the packed states' own suite among them, {@code elements}). The other suites' programs that use arrays
     * are checked with packed states by their own ITs; comparing them too cost a minute of CI for little.
     */
    private static final Set<String> ELEMENT_SUITES = Set.of("arrays", "filter", "elements");
    private static final Pattern REQUIRES = Pattern.compile("(?m)^\\s*\\*\\s*Requires:\\s*JDK\\s*(\\d+)\\s*$");

    /** One program: its main class, its source, where its classes are, the names of its classes' files. */
    record Program(String suite, ProgramSource source, Path classes, int requiresJdk) {
        String name() {
            return source.simpleName();
        }
    }

    private static final ExecutorService LAUNCHER = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors() + 1, r -> {
                Thread t = new Thread(r, "differential-launcher");
                t.setDaemon(true);
                return t;
            });

    @TestFactory
    Stream<DynamicNode> optimizationChangesNoReport() throws Exception {
        Jdks.Jdk jdk = Jdks.current();
        List<Program> all = programs();
        Set<String> affected = affectedPrograms(all);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("the optimization changes the instrumentation of some programs", () -> assertTrue(
                affected.size() >= 10, "only " + affected.size() + " of " + all.size() + " programs are instrumented"
                        + " differently with optimize=0: the comparison would test nothing: " + affected)));
        System.err.println("[OptimizeDifferentialIT] " + affected.size() + " of " + all.size() + " programs are"
                + " instrumented differently with optimize=0; running those again");
        for (Program p : all) {
            if (!affected.contains(p.suite() + "/" + p.name()) || jdk.feature() < p.requiresJdk()) continue;
            Future<JvmRun.Result> on = LAUNCHER.submit(() -> run(p, jdk, "", true));
            Future<JvmRun.Result> off = LAUNCHER.submit(() -> run(p, jdk, "optimize=0", false));
            tests.add(dynamicTest(p.suite() + "/" + p.name() + " [" + jdk.label() + "]",
                    () -> compare(p, jdk, await(on), await(off))));
        }
        return tests.stream();
    }

    private static JvmRun.Result run(Program p, Jdks.Jdk jdk, String options, boolean shared) {
        // The options and time limit of the suites' own runs, so that the run with the defaults is theirs.
        JvmRun run = JvmRun.on(jdk).agent(Env.agentJar(), options).classpath(p.classes())
                .mainClass(p.source().className());
        if (p.suite().equals("arrays")) run.timeout(Duration.ofMinutes(2));
        return shared ? run.runShared() : run.run();
    }

    private static JvmRun.Result await(Future<JvmRun.Result> run) throws Throwable {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /** Same verdict and races; a racy program may try again (see the class comment). */
    private static void compare(Program p, Jdks.Jdk jdk, JvmRun.Result on, JvmRun.Result off) {
        List<Outcome> ons = new ArrayList<>(List.of(Outcome.of(on)));
        List<Outcome> offs = new ArrayList<>(List.of(Outcome.of(off)));
        for (int attempt = 2; !agree(ons, offs) && attempt <= ATTEMPTS; attempt++) {
            System.err.println("[OptimizeDifferentialIT] " + p.name() + ": the two modes differ, attempt " + attempt
                    + ": " + ons.get(ons.size() - 1) + " vs " + offs.get(offs.size() - 1));
            ons.add(Outcome.of(run(p, jdk, "", false)));
            offs.add(Outcome.of(run(p, jdk, "optimize=0", false)));
        }
        if (!agree(ons, offs)) {
            assertEquals(offs.get(0).toString(), ons.get(0).toString(), p.name() + ": with optimize=1 (expected:"
                    + " as with optimize=0), in " + ons.size() + " runs each: optimize=1 " + ons + ", optimize=0 "
                    + offs + "\n===== last run with optimize=1:" + on.describe() + "===== with optimize=0:"
                    + off.describe());
        }
    }

    private static boolean agree(List<Outcome> ons, List<Outcome> offs) {
        for (Outcome a : ons) {
            if (offs.contains(a)) return true;
        }
        return false;
    }

    /** What a run reported: exit status, whether it timed out, and its races as pairs of racy accesses. */
    record Outcome(int exitCode, boolean timedOut, Set<String> races) {
        static Outcome of(JvmRun.Result run) {
            Set<String> races = new TreeSet<>();
            for (RaceText.Warning w : RaceText.parse(run.stderr())) {
                List<String> pair = new ArrayList<>();
                for (RaceText.Access a : w.accesses()) pair.add(describe(a));
                pair.sort(null);
                races.add(String.join(" / ", pair));
            }
            return new Outcome(run.exitCode(), run.timedOut(), races);
        }

        /** "Write at C.m(F.java:12)": the access's kind and its racy frame (below a container operation's). */
        private static String describe(RaceText.Access a) {
            String kind = a.header().replaceFirst("^Previous ", "");
            kind = kind.isEmpty() ? "?" : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            kind = kind.contains(" ") ? kind.substring(0, kind.indexOf(' ')) : kind;
            RaceText.Frame f = a.racyFrame();
            return kind + " at " + (f == null ? "?" : f.text());
        }
    }

    // ---- the programs and their classes --------------------------------------------------------------------

    private static List<Program> programs() throws IOException {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        Path sources = base.resolve("src/test/java");
        List<Program> out = new ArrayList<>();
        for (String suite : List.of("edges", "containers", "arrays", "filter", "elements")) {
            out.addAll(programsIn(suite, sources.resolve("dev/racecheck/it/" + suite), Env.testClasses()));
        }
        out.addAll(programsIn("samples", Env.samplesSources().resolve("dev/racecheck/samples"), Env.samplesClasses()));
        return out;
    }

    private static List<Program> programsIn(String suite, Path dir, Path classes) throws IOException {
        List<Program> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".java") || !(name.startsWith("Race") || name.startsWith("NoRace"))) continue;
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher requires = REQUIRES.matcher(text);
                out.add(new Program(suite, ProgramSource.parse(text, name), classes,
                        requires.find() ? Integer.parseInt(requires.group(1)) : 17));
            }
        }
        return out;
    }

    /**
     * The programs ("suite/Name") some class of which the agent instruments differently with optimize=0: a class of
     * the program itself ({@code Name.class}, {@code Name$...class}), or a helper class of its package that no program
     * is named after (then every program of the package counts).
     */
    private static Set<String> affectedPrograms(List<Program> programs) throws Exception {
        Set<String> affected = new TreeSet<>();
        Map<Path, List<Program>> byPackage = new LinkedHashMap<>();
        for (Program p : programs) {
            Path dir = p.classes().resolve(p.source().className().replace('.', '/')).getParent();
            byPackage.computeIfAbsent(dir, d -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<Path, List<Program>> e : byPackage.entrySet()) {
            Path dir = e.getKey();
            Path root = e.getValue().get(0).classes();
            Set<String> differing = differingClasses(root, dir);
            for (Program p : e.getValue()) {
                boolean helper = false;
                boolean own = false;
                for (String c : differing) {
                    if (c.equals(p.name()) || c.startsWith(p.name() + "$")) own = true;
                    else if (e.getValue().stream().noneMatch(q -> c.equals(q.name()) || c.startsWith(q.name() + "$"))) {
                        helper = true;
                    }
                }
                if (own || helper || ELEMENT_SUITES.contains(p.suite())) affected.add(p.suite() + "/" + p.name());
            }
        }
        return affected;
    }

    /** Simple names of the classes in {@code dir} (under class path root {@code root}) that come out differently. */
    private static Set<String> differingClasses(Path root, Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
        Instrumenter on = new Instrumenter(root, true);
        Instrumenter off = new Instrumenter(root, false);
        Set<String> out = new TreeSet<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            if (!Arrays.equals(on.instrument(bytes), off.instrument(bytes))) {
                String n = f.getFileName().toString();
                out.add(n.substring(0, n.length() - ".class".length()));
            }
        }
        return out;
    }

    /**
     * The agent jar's {@code ClassInstrumenter}, in a class loader of its own (its site numbers start afresh), over a
     * loader that reads the programs' class files.
     */
    private static final class Instrumenter {
        private final Object instrumenter;
        private final Method instrument;
        private final ClassLoader programs;

        Instrumenter(Path root, boolean optimize) throws Exception {
            ClassLoader agent = new URLClassLoader(new URL[] {Env.agentJar().toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> hierarchy = agent.loadClass("dev.racecheck.agent.instrument.ClassHierarchy");
            Class<?> type = agent.loadClass("dev.racecheck.agent.instrument.ClassInstrumenter");
            Constructor<?> make = type.getConstructor(hierarchy, boolean.class);
            instrumenter = make.newInstance(hierarchy.getConstructor().newInstance(), optimize);
            instrument = type.getMethod("instrument", byte[].class, ClassLoader.class);
            programs = new URLClassLoader(new URL[] {root.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }

        byte[] instrument(byte[] bytes) {
            try {
                return (byte[]) instrument.invoke(instrumenter, bytes, programs);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instrument with the agent jar", e);
            }
        }
    }
}
