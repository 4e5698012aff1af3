package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The test JVM's command line has the project's own argLine and every agent the build asked for. */
class ArgLineTest {
    @Test
    void userArgLineAndAgentsArePresent() {
        assertEquals("hello", System.getProperty("custom.prop"), "the project's own argLine was lost");
        List<String> agents = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-javaagent:")).collect(Collectors.toList());
        System.out.println("AGENTS " + agents);
        assertTrue(agents.stream().anyMatch(a -> a.contains("racecheck.jar=")), "no racecheck agent: " + agents);
        String expectJacoco = System.getProperty("expect.jacoco", "false");
        assertEquals(Boolean.parseBoolean(expectJacoco), agents.stream().anyMatch(a -> jar(a).contains("jacoco")),
                "jacoco agent presence: " + agents);
        assertEquals(agents.size(), agents.stream().map(ArgLineTest::jar).distinct().count(), "an agent twice: " + agents);
    }

    /** The jar of a -javaagent: argument, without its options. */
    private static String jar(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }
}
