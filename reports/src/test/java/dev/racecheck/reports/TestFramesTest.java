package dev.racecheck.reports;

import static dev.racecheck.reports.Samples.jdk;
import static dev.racecheck.reports.Samples.lib;
import static dev.racecheck.reports.Samples.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racecheck.reports.text.TextRenderer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which frames are the test framework's, and which tail of a stack the text renderers cut. */
class TestFramesTest {

    private static final Frame SET = new Frame("demo.C", "set", "C.java", 3);
    private static final Frame TEST = new Frame("demo.CTest", "races", "CTest.java", 9);

    private static List<Frame> program() {
        return List.of(SET, TEST);
    }

    @Test
    void theJUnitPlatformTailUnderSurefireIsCutBelowTheTestMethodReflectionIncluded() {
        List<Frame> stack = stack(program(), Samples.junitPlatformUnderSurefire());
        assertEquals(20, TestFrames.elidable(stack));
        assertEquals(20, TestFrames.ELIDE.cut(stack));
        assertEquals(0, TestFrames.KEEP.cut(stack), "the option off keeps every frame");
    }

    @Test
    void gradlesTestExecutorAndWorkerAreTheFramework() {
        List<Frame> gradle = stack(program(), Samples.reflection(), List.of(
                lib("org.junit.platform.launcher.core.DefaultLauncher", "execute", "DefaultLauncher.java", 86),
                lib("org.gradle.api.internal.tasks.testing.junitplatform.JUnitPlatformTestClassProcessor",
                        "stop", "JUnitPlatformTestClassProcessor.java", 94),
                jdk("jdk.internal.reflect.GeneratedMethodAccessor12", "invoke", null, -1),
                lib("org.gradle.internal.dispatch.ReflectionDispatch", "dispatch", "ReflectionDispatch.java", 36),
                new Frame("jdk.proxy1.$Proxy2", "stop", null, -1, "jdk.proxy1"),
                lib("org.gradle.process.internal.worker.child.SystemApplicationClassLoaderWorker", "call",
                        "SystemApplicationClassLoaderWorker.java", 113),
                lib("worker.org.gradle.process.internal.worker.GradleWorkerMain", "main", "GradleWorkerMain.java",
                        74)));
        assertEquals(gradle.size() - 2, TestFrames.elidable(gradle));
    }

    @Test
    void testNgUnderSurefireIsTheFramework() {
        List<Frame> testng = stack(program(), Samples.reflection(), List.of(
                lib("org.testng.internal.invokers.MethodInvocationHelper", "invokeMethod",
                        "MethodInvocationHelper.java", 139),
                lib("org.testng.internal.invokers.TestInvoker", "invokeMethod", "TestInvoker.java", 677),
                jdk("java.util.ArrayList", "forEach", "ArrayList.java", 1511),
                lib("org.testng.TestNG", "run", "TestNG.java", 1092),
                lib("org.apache.maven.surefire.testng.TestNGExecutor", "run", "TestNGExecutor.java", 155),
                lib("org.apache.maven.surefire.booter.ForkedBooter", "main", "ForkedBooter.java", 495)));
        assertEquals(testng.size() - 2, TestFrames.elidable(testng));
    }

    @Test
    void ideRunnersAndJUnit4AreTheFramework() {
        List<Frame> idea = stack(program(), Samples.reflection(), List.of(
                lib("org.junit.runners.model.FrameworkMethod$1", "runReflectiveCall", "FrameworkMethod.java", 59),
                lib("org.junit.runners.ParentRunner", "run", "ParentRunner.java", 413),
                lib("com.intellij.junit4.JUnit4IdeaTestRunner", "startRunnerWithArgs", "JUnit4IdeaTestRunner.java",
                        69),
                lib("com.intellij.rt.junit.JUnitStarter", "main", "JUnitStarter.java", 232)));
        assertEquals(idea.size() - 2, TestFrames.elidable(idea));
        List<Frame> eclipse = stack(program(), Samples.reflection(), List.of(
                lib("junit.framework.TestCase", "runTest", "TestCase.java", 177),
                lib("org.eclipse.jdt.internal.junit5.runner.JUnit5TestReference", "run", "JUnit5TestReference.java",
                        98),
                lib("org.eclipse.jdt.internal.junit.runner.RemoteTestRunner", "main", "RemoteTestRunner.java",
                        209)));
        assertEquals(eclipse.size() - 2, TestFrames.elidable(eclipse));
    }

    @Test
    void reflectionAndInvokeFramesBetweenFrameworkFramesAreCutWithThem() {
        List<Frame> stack = stack(program(), List.of(
                lib("org.junit.jupiter.engine.execution.MethodInvocation", "proceed", "MethodInvocation.java", 60),
                jdk("java.lang.invoke.LambdaForm$DMH/0x0000000800c0c000", "invokeVirtual", null, -1),
                jdk("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", "DirectMethodHandleAccessor.java", 103),
                jdk("java.lang.reflect.Method", "invoke", "Method.java", 580),
                lib("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", "ReflectionUtils.java", 728),
                lib("org.apache.maven.surefire.booter.ForkedBooter", "main", "ForkedBooter.java", 495)));
        assertEquals(6, TestFrames.elidable(stack));
    }

    @Test
    void aFrameworkFrameBetweenTwoFramesOfTheProgramIsKept() {
        // assertAll calls back into the test: its frames are between the program's and stay.
        List<Frame> stack = stack(List.of(SET,
                        lib("org.junit.jupiter.api.AssertAll", "lambda$assertAll$0", "AssertAll.java", 58),
                        jdk("java.util.stream.ReferencePipeline$3$1", "accept", "ReferencePipeline.java", 197),
                        lib("org.junit.jupiter.api.Assertions", "assertAll", "Assertions.java", 2936),
                        TEST),
                Samples.junitPlatformUnderSurefire());
        assertEquals(20, TestFrames.elidable(stack), "only the tail below the test method");

        // A launcher of the program's own at the bottom: nothing below the program is the framework's tail.
        List<Frame> ownLauncher = stack(program(), Samples.junitPlatformUnderSurefire().subList(0, 10),
                List.of(new Frame("demo.LaunchTests", "main", "LaunchTests.java", 5)));
        assertEquals(0, TestFrames.elidable(ownLauncher));
    }

    @Test
    void aStackOfOnlyFrameworkAndJdkFramesIsKeptWhole() {
        assertEquals(0, TestFrames.elidable(Samples.junitPlatformUnderSurefire()),
                "a race in the framework's own code: every frame counts");
        List<Frame> container = stack(List.of(new Frame("java.util.HashMap", "put", "HashMap.java", -1)),
                Samples.junitPlatformUnderSurefire());
        assertEquals(0, TestFrames.elidable(container));
    }

    @Test
    void jdkFramesAloneAreNotTheFramework() {
        assertEquals(0, TestFrames.elidable(List.of(SET, Samples.THREAD_RUN)));
        assertEquals(0, TestFrames.elidable(stack(program(), Samples.reflection(),
                List.of(new Frame("demo.Launcher", "main", "Launcher.java", 3)))), "reflection called by the program");
        assertEquals(0, TestFrames.elidable(List.of()));
    }

    @Test
    void classification() {
        for (String c : List.of("org.junit.platform.launcher.core.DefaultLauncher", "org.junit.jupiter.engine.X",
                "org.junit.vintage.engine.VintageTestEngine", "org.junit.runners.ParentRunner",
                "junit.framework.TestCase", "org.apache.maven.surefire.booter.ForkedBooter",
                "org.gradle.api.internal.tasks.testing.SuiteTestClassProcessor",
                "worker.org.gradle.process.internal.worker.GradleWorkerMain", "org.testng.TestRunner",
                "com.intellij.rt.junit.JUnitStarter", "com.intellij.junit5.JUnit5IdeaTestRunner",
                "org.eclipse.jdt.internal.junit.runner.RemoteTestRunner")) {
            assertTrue(TestFrames.isTestFramework(c), c);
        }
        for (String c : List.of("demo.Main", "org.junitx.Helper", "com.intellij.rt.execution.application.AppMainV2",
                "java.lang.reflect.Method", "jdk.internal.reflect.NativeMethodAccessorImpl")) {
            assertFalse(TestFrames.isTestFramework(c), c);
        }
        assertTrue(TestFrames.isJdk("java.lang.invoke.LambdaForm$MH/0x1"));
        assertTrue(TestFrames.isJdk("jdk.proxy2.$Proxy5"));
        assertTrue(TestFrames.isJdk("sun.reflect.NativeMethodAccessorImpl"));
        assertFalse(TestFrames.isJdk("demo.java.Main"));
    }

    @Test
    void theElidedLineSaysHowManyFrames() {
        assertEquals("... 1 frame of the test framework", TestFrames.elidedLine(1));
        assertEquals("... 67 frames of the test framework", TestFrames.elidedLine(67));
    }

    @Test
    void textElisionMatchesTheRenderersAndIsIdempotent() {
        Race race = Samples.raceInATest();
        String full = TextRenderer.render(race, TestFrames.KEEP);
        String elided = TextRenderer.render(race, TestFrames.ELIDE);
        assertEquals(elided, TestFrames.elide(full));
        assertEquals(elided, TestFrames.elide(elided));
        assertEquals("no stack\n", TestFrames.elide("no stack\n"));
        assertEquals("  at demo.C.set(C.java:3)", TestFrames.elide("  at demo.C.set(C.java:3)"), "no final newline");
        String textEndingInAStack = "x\n  at demo.C.set(C.java:3)\n  at org.junit.X.y(X.java:1)";
        assertEquals("x\n  at demo.C.set(C.java:3)\n  ... 1 frame of the test framework",
                TestFrames.elide(textEndingInAStack));
    }

    @Test
    void largeStacksAreCountedExactly() {
        List<Frame> tail = new ArrayList<>();
        for (int i = 0; i < 67; i++) tail.add(lib("org.junit.platform.X" + i, "run", "X.java", i));
        assertEquals(67, TestFrames.elidable(stack(program(), tail)));
    }
}
