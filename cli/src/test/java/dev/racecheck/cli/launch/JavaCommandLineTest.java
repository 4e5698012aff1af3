package dev.racecheck.cli.launch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class JavaCommandLineTest {

    @Test
    void buildPutsTheAgentFirst() {
        assertEquals(List.of("/jdk/bin/java", "-javaagent:/t/racecheck.jar=halt_on_error=1", "-Xss1m", "-cp", "d", "M", "x"),
                JavaCommandLine.build("/jdk/bin/java", Path.of("/t/racecheck.jar"),
                        new AgentOptions(null, true, List.of(), List.of(), null),
                        List.of("-Xss1m", "-cp", "d", "M", "x")));
    }

    @Test
    void javaagentWithoutOptions() {
        assertEquals("-javaagent:/t/racecheck.jar", JavaCommandLine.javaagentOption(Path.of("/t/racecheck.jar"), AgentOptions.DEFAULTS));
    }

    @Test
    void programIndex() {
        assertEquals(0, JavaCommandLine.programIndex(List.of("Main", "-cp", "x")));
        assertEquals(2, JavaCommandLine.programIndex(List.of("-cp", "d", "Main")));
        assertEquals(3, JavaCommandLine.programIndex(List.of("-Xmx1g", "-classpath", "d", "Main", "-jar")));
        assertEquals(1, JavaCommandLine.programIndex(List.of("-ea", "-jar", "app.jar")));
        assertEquals(2, JavaCommandLine.programIndex(List.of("-p", "mods", "-m", "app/app.Main")));
        assertEquals(2, JavaCommandLine.programIndex(List.of("-p", "mods", "--module=app")));
        assertEquals(4, JavaCommandLine.programIndex(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "--source", "21", "Hello.java")));
        assertEquals(-1, JavaCommandLine.programIndex(List.of("-Xmx1g", "-cp", "d")));
        assertEquals(-1, JavaCommandLine.programIndex(List.of()));
    }

    @Test
    void jvmOptions() {
        assertEquals(List.of("-Xmx1g", "-cp", "d"), JavaCommandLine.jvmOptions(List.of("-Xmx1g", "-cp", "d", "M", "--x")));
        assertEquals(List.of("-Xmx1g"), JavaCommandLine.jvmOptions(List.of("-Xmx1g")));
    }

    @Test
    void problems() {
        assertNull(JavaCommandLine.problem(List.of("Main")));
        assertNull(JavaCommandLine.problem(List.of("-jar", "app.jar")));
        assertNull(JavaCommandLine.problem(List.of("-version")));
        assertNull(JavaCommandLine.problem(List.of("-Xmx1g", "@more.args")));
        assertNotNull(JavaCommandLine.problem(List.of()));
        assertNotNull(JavaCommandLine.problem(List.of("-Xmx1g")));
        assertEquals("-m requires an argument", JavaCommandLine.problem(List.of("-m")));
        assertEquals("--module-path requires an argument", JavaCommandLine.problem(List.of("--module-path")));
    }
}
