package dev.racecheck.it.jdkmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.racecheck.it.Env;
import dev.racecheck.it.Jdks;
import dev.racecheck.it.JvmRun;

/**
 * The JDK classes the agent rewrites (its JDK model) pass the JVM's verifier. Classes of the boot loader are not
 * verified by default, so a hook that leaves a wrong stack or frame would go unnoticed until it crashed or misbehaved;
 * {@code -XX:+BytecodeVerificationLocal} makes the JVM verify them as they load and as the agent retransforms them.
 * {@link LoadModelledClasses} loads every class of the packages the model hooks; nothing may fail, and the agent must
 * not report a class it could not model.
 */
class JdkModelVerifyIT {
    @TestFactory
    Stream<DynamicTest> modelledJdkClassesVerify() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdks.Slot slot : Jdks.all()) {
            tests.add(dynamicTest(slot.label(), () -> {
                JvmRun.Result run = JvmRun.on(slot.require())
                        .jvmArgs("-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal")
                        .agent(Env.agentJar())
                        .classpath(Env.testClasses())
                        .mainClass(LoadModelledClasses.class.getName())
                        .timeout(Duration.ofMinutes(2))
                        .run();
                assertEquals(0, run.exitCode(), () -> "exit status" + run.describe());
                assertFalse(run.stdout().contains("NOT VERIFIED"), () -> "a modelled JDK class fails verification"
                        + run.describe());
                assertFalse(run.stderr().contains("racecheck: warning"), () -> "the agent could not model a class"
                        + run.describe());
                assertTrue(run.stdout().contains(" 0 failed verification"), () -> "the classes were loaded"
                        + run.describe());
            }));
        }
        return tests.stream();
    }
}
