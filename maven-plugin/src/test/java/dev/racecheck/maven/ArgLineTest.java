package dev.racecheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArgLineTest {
    private static final String JACOCO = "-javaagent:/m2/org/jacoco/org.jacoco.agent-0.8.15-runtime.jar=destfile=/p/target/jacoco.exec";
    private static final List<String> OURS = List.of(
            "-javaagent:/p/target/racecheck/racecheck.jar=exitcode=0,report_json=/p/target/racecheck/racecheck-%p.json",
            "-Dracecheck.junit.attribution=/p/target/racecheck/racecheck-tests-%p.tsv",
            "-Djunit.jupiter.extensions.autodetection.enabled=true");
    private static final String OURS_TEXT = String.join(" ", OURS);

    @Test
    void nothingBefore() {
        assertEquals(OURS_TEXT, ArgLine.compose(null, OURS));
        assertEquals(OURS_TEXT, ArgLine.compose("  ", OURS));
    }

    @Test
    void theProjectsArgLineIsKeptAsWritten() {
        assertEquals("-Xmx1g  -Dx=\"a b\" " + OURS_TEXT, ArgLine.compose("-Xmx1g  -Dx=\"a b\"", OURS));
        assertEquals("@{argLine} -Xmx1g " + OURS_TEXT, ArgLine.compose("@{argLine} -Xmx1g", OURS));
    }

    /** JaCoCo's prepare-agent prepends its agent; racecheck appends: both orders end alike. */
    @Test
    void jacocoInEitherOrder() {
        String user = "-Dcustom.prop=hello";
        String jacocoFirst = ArgLine.compose(JACOCO + " " + user, OURS);
        // racecheck first, then JaCoCo (which puts itself in front of whatever is there):
        String racecheckFirst = JACOCO + " " + ArgLine.compose(user, OURS);
        assertEquals(JACOCO + " " + user + " " + OURS_TEXT, jacocoFirst);
        assertEquals(jacocoFirst, racecheckFirst);
    }

    @Test
    void runningPrepareAgentAgainReplacesOurArguments() {
        String once = ArgLine.compose("-Xmx1g", OURS);
        List<String> moved = List.of("-javaagent:/q/racecheck.jar=exitcode=0,report_json=/q/racecheck-%p.json",
                "-Dracecheck.junit.attribution=/q/racecheck-tests-%p.tsv",
                "-Djunit.jupiter.extensions.autodetection.enabled=true");
        assertEquals("-Xmx1g " + String.join(" ", moved), ArgLine.compose(once, moved));
        assertEquals(once, ArgLine.compose(once, OURS));
    }

    /** Running prepare-agent again with another explore setting (or none) replaces the exploration properties. */
    @Test
    void explorationPropertiesAreOursToReplace() {
        List<String> explored = new java.util.ArrayList<>(OURS);
        explored.add("-Dracecheck.explore=20");
        explored.add("-Dracecheck.seed=7");
        String once = ArgLine.compose("-Xmx1g", explored);
        assertEquals("-Xmx1g " + OURS_TEXT + " -Dracecheck.explore=20 -Dracecheck.seed=7", once);
        assertEquals("-Xmx1g " + OURS_TEXT, ArgLine.compose(once, OURS));
    }

    @Test
    void pathsWithSpacesAreQuoted() {
        List<String> spaced = List.of("-javaagent:/my project/target/racecheck/racecheck.jar=exitcode=0");
        String line = ArgLine.compose("-Xmx1g", spaced);
        assertEquals("-Xmx1g \"-javaagent:/my project/target/racecheck/racecheck.jar=exitcode=0\"", line);
        assertEquals(List.of("-Xmx1g", spaced.get(0)), ArgLine.split(line));
        // and such an argument is recognized as ours on the next run
        assertEquals("-Xmx1g " + OURS_TEXT, ArgLine.compose(line, OURS));
    }

    @Test
    void onlyRacecheckAgentsAreOurs() {
        assertTrue(ArgLine.isRacecheck("-javaagent:racecheck.jar"));
        assertTrue(ArgLine.isRacecheck("-javaagent:C:\\x\\racecheck.jar=exitcode=0"));
        assertFalse(ArgLine.isRacecheck(JACOCO));
        assertFalse(ArgLine.isRacecheck("-javaagent:/x/not-racecheck.jar"));
        assertFalse(ArgLine.isRacecheck("-Dracecheck.other=1"));
    }
}
