package dev.racecheck.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.racecheck.agent.runtime.RaceEvents;
import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.Internal;

/**
 * Decides what happens to each class the JVM loads: JDK classes in the {@link JdkModel} get their
 * synchronization hooks, application classes (any class not loaded by the boot or platform loader, and not
 * racecheck's) are instrumented, everything else is left alone. A class that cannot be instrumented is loaded
 * unchanged with one warning.
 */
public final class Transformer implements ClassFileTransformer {
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final ClassInstrumenter instrumenter = new ClassInstrumenter(new ClassHierarchy(), Config.optimize);
    private final List<Pattern> include = globs(Config.include);
    private final List<Pattern> exclude = globs(Config.exclude);

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        if (className == null || bytes == null) return null;
        boolean jdk = loader == null || loader == PLATFORM;
        if (jdk && !JdkModel.models(className)) return null;
        if (!jdk && !isApplicationClass(className)) return null;
        // Hooks that run while we transform (class loading, the JDK code ASM uses) are not the program's.
        Object token = RaceEvents.suspend();
        try {
            if (jdk) {
                byte[] out = JdkModel.transform(className, bytes);
                if (out != null) Internal.verbose("instrumented " + className.replace('/', '.'));
                return out;
            }
            ClassInstrumenter.CheckCounts counts = new ClassInstrumenter.CheckCounts();
            byte[] out = instrumenter.instrument(bytes, loader, counts);
            if (out != null) Internal.verbose("instrumented " + className.replace('/', '.') + " (" + counts + ")");
            return out;
        } catch (Throwable e) {
            Internal.warn("cannot instrument " + className.replace('/', '.') + " (" + e
                    + "); it runs uninstrumented");
            return null;
        } finally {
            RaceEvents.resume(token);
        }
    }

    private boolean isApplicationClass(String internalName) {
        if (internalName.startsWith("dev/racecheck/agent/")) return false;
        // Other agents' runtimes are loaded by the application class loader, but they are not the program.
        if (internalName.startsWith("org/jacoco/agent/rt/")) return false;
        String name = internalName.replace('/', '.');
        for (Pattern p : exclude) {
            if (p.matcher(name).matches()) return false;
        }
        if (include.isEmpty()) return true;
        for (Pattern p : include) {
            if (p.matcher(name).matches()) return true;
        }
        return false;
    }

    /** {@code *} matches any run of characters (dots included), {@code ?} one character. */
    static List<Pattern> globs(List<String> globs) {
        List<Pattern> out = new ArrayList<>();
        for (String g : globs) {
            StringBuilder re = new StringBuilder();
            for (char c : g.toCharArray()) {
                if (c == '*') re.append(".*");
                else if (c == '?') re.append('.');
                else re.append(Pattern.quote(String.valueOf(c)));
            }
            out.add(Pattern.compile(re.toString()));
        }
        return out;
    }
}
