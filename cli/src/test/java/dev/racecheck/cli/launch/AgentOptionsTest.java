package dev.racecheck.cli.launch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentOptionsTest {

    @Test
    void defaultsAreEmpty() {
        assertEquals("", AgentOptions.DEFAULTS.toAgentArgs());
    }

    @Test
    void allOptionsInOrder() {
        AgentOptions options = new AgentOptions(3, true, List.of("a.*", "b.C"), List.of("a.gen.*"), "/tmp/r.log");
        assertEquals("exitcode=3,halt_on_error=1,include=a.*:b.C,exclude=a.gen.*,log_path=/tmp/r.log", options.toAgentArgs());
    }

    @Test
    void testFramesIsAFlag() {
        assertEquals("test_frames=1",
                new AgentOptions(null, false, null, null, null, null, null, null, true).toAgentArgs());
        assertEquals("", new AgentOptions(null, false, null, null, null, null, null, null, false).toAgentArgs());
    }

    @Test
    void aSeedExplores() {
        assertEquals("explore_seed=-5",
                new AgentOptions(null, false, null, null, null, null, null, null, false, -5L).toAgentArgs());
    }

    /** A run of an exploration keeps the program's status and does not halt: the command decides over all runs. */
    @Test
    void anExploreRunKeepsTheFilesAndTheFilters() {
        AgentOptions user = new AgentOptions(3, true, List.of("a.*"), List.of(), "/tmp/races", "/tmp/r.json",
                "/tmp/s.supp", "/tmp/b.json", true, 9L);
        assertEquals("exitcode=0,include=a.*,log_path=/w/run-2.log,report_json=/w/run-2.json,suppressions=/tmp/s.supp,"
                + "baseline=/tmp/b.json,test_frames=1,explore_seed=11",
                user.exploreRun(11, "/w/run-2.json", "/w/run-2.log").toAgentArgs());
    }

    @Test
    void globListsAreJoinedWithColons() {
        assertEquals("exclude=x:y:z", new AgentOptions(null, false, null, List.of("x", "y", "z"), null).toAgentArgs());
    }

    @Test
    void invalidValues() {
        assertThrows(IllegalArgumentException.class, () -> new AgentOptions(-1, false, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new AgentOptions(256, false, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new AgentOptions(null, false, List.of("a,b"), null, null));
        assertThrows(IllegalArgumentException.class, () -> new AgentOptions(null, false, null, List.of(" "), null));
        assertThrows(IllegalArgumentException.class, () -> new AgentOptions(null, false, null, null, "a,b.log"));
    }
}
