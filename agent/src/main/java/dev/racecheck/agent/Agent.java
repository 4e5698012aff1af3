package dev.racecheck.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

import dev.racecheck.agent.instrument.JdkModel;
import dev.racecheck.agent.instrument.Transformer;
import dev.racecheck.agent.runtime.RaceEvents;
import dev.racecheck.agent.runtime.report.Config;
import dev.racecheck.agent.runtime.report.Internal;

/**
 * The agent's entry point ({@code Premain-Class}). The jar's manifest puts the jar itself on the boot class
 * path ({@code Boot-Class-Path: racecheck.jar}), so this class, the runtime and the relocated ASM are loaded
 * once, by the bootstrap loader, and are visible from every class loader, the JDK's included.
 */
public final class Agent {
    private Agent() {
        // no instances
    }

    public static void premain(String args, Instrumentation inst) {
        boot(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        boot(args, inst);
    }

    private static void boot(String args, Instrumentation inst) {
        if (Agent.class.getClassLoader() == null) {
            start(args, inst);
            return;
        }
        // The jar was renamed, so Boot-Class-Path missed it: append it now and start the bootstrap copy. The JVM
        // then warns that class data sharing is limited to boot classes; keep the name racecheck.jar to avoid that.
        try {
            File jar = new File(Agent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
            Class.forName(Agent.class.getName(), true, null)
                    .getMethod("start", String.class, Instrumentation.class)
                    .invoke(null, args, inst);
        } catch (ReflectiveOperationException | java.io.IOException | java.net.URISyntaxException e) {
            System.err.println("racecheck: cannot put the agent jar on the boot class path (" + e
                    + "); name the jar racecheck.jar");
            System.exit(2);
        }
    }

    /** Starts racecheck; called on the bootstrap loader's copy of this class. */
    public static void start(String args, Instrumentation inst) {
        Options options;
        try {
            options = Options.parse(System.getenv("RACECHECK_OPTIONS"), args);
        } catch (Options.BadOption e) {
            System.err.println("racecheck: " + e.getMessage());
            System.err.flush();
            System.exit(2);
            return;
        }
        Config.exitCode = options.exitCode;
        Config.haltOnError = options.haltOnError;
        Config.logPath = options.logPath;
        Config.include = options.include;
        Config.exclude = options.exclude;
        Config.reportJson = options.reportJson;
        Config.suppressions = options.suppressions;
        Config.baseline = options.baseline;
        Config.verbose = options.verbose;
        Config.testFrames = options.testFrames;
        Config.predict = options.predict;
        Config.explore = options.explore;
        Config.exploreSeed = options.exploreSeed;
        Config.exploreStrategy = options.exploreStrategy;
        Config.detectDeadlocks = options.detectDeadlocks;
        Config.deadlockExit = options.deadlockExit;
        Config.optimize = options.optimize;
        String version = Agent.class.getPackage() == null ? null : Agent.class.getPackage().getImplementationVersion();
        Config.version = version == null ? "dev" : version;
        Config.command = System.getProperty("sun.java.command");

        openJavaPackages(inst);
        RaceEvents.start();
        JdkModel.models("java/lang/Thread"); // initialize the table before any transform needs it
        inst.addTransformer(new Transformer(), true);
        retransformJdkModel(inst);
    }

    /**
     * racecheck's exit hook runs in a JDK system hook slot, reached by reflection on java.lang.Shutdown; whether a
     * LinkedHashMap is in access order is read from its private field (java.util); a lock-based queue's lock is found
     * through ReentrantLock's private field (java.util.concurrent.locks, CollectionEvents.internalLock); the race
     * state of fields is kept in application objects through jdk.internal.misc.Unsafe (InlineShadows).
     */
    private static void openJavaPackages(Instrumentation inst) {
        try {
            Module base = Object.class.getModule();
            Set<Module> racecheck = Set.of(Agent.class.getModule());
            inst.redefineModule(base, Set.of(), Map.of("jdk.internal.misc", racecheck),
                    Map.of("java.lang", racecheck, "java.util", racecheck, "java.util.concurrent.locks", racecheck),
                    Set.of(), Map.of());
        } catch (RuntimeException e) {
            Internal.verbose("cannot open java.lang and java.util: " + e);
        }
    }

    /** JDK classes loaded before the agent (Thread, Runtime, many of java.util.concurrent) get their hooks now. */
    private static void retransformJdkModel(Instrumentation inst) {
        List<Class<?>> todo = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (JdkModel.models(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) todo.add(c);
        }
        try {
            inst.retransformClasses(todo.toArray(new Class<?>[0]));
        } catch (Throwable all) {
            for (Class<?> c : todo) { // find the culprit; keep the others
                try {
                    inst.retransformClasses(c);
                } catch (Throwable e) {
                    Internal.warn("cannot model " + c.getName() + " (" + e + "); its synchronization is not seen");
                }
            }
        }
    }
}
