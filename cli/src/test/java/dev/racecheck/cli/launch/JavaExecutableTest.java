package dev.racecheck.cli.launch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JavaExecutableTest {

    @Test
    void explicitWins() {
        assertEquals("/x/java", JavaExecutable.resolve("/x/java", Map.of("JAVA_HOME", "/jdk"), p -> true, false));
    }

    @Test
    void javaHomeNext() {
        assertEquals(Path.of("/jdk", "bin", "java").toString(),
                JavaExecutable.resolve(null, Map.of("JAVA_HOME", "/jdk"), p -> true, false));
        assertEquals(Path.of("/jdk", "bin", "java.exe").toString(),
                JavaExecutable.resolve(null, Map.of("JAVA_HOME", "/jdk"), p -> true, true));
    }

    @Test
    void pathLast() {
        assertEquals("java", JavaExecutable.resolve(null, Map.of(), p -> true, false));
        assertEquals("java", JavaExecutable.resolve(null, Map.of("JAVA_HOME", "/nojdk"), p -> false, false));
        assertEquals("java", JavaExecutable.resolve("", Map.of("JAVA_HOME", " "), p -> true, false));
    }
}
