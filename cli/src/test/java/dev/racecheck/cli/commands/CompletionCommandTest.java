package dev.racecheck.cli.commands;

import dev.racecheck.cli.Cli;
import dev.racecheck.cli.ExitCodes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionCommandTest {

    @Test
    void printsABashCompletionScriptForEveryCommandAndOption() {
        Cli r = Cli.execute("completion");
        assertEquals(ExitCodes.OK, r.status(), r.err());
        String script = r.out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 200));
        assertTrue(script.contains("complete -F _complete_racecheck -o default racecheck"), "registers for 'racecheck'");
        for (String word : new String[] {"run", "demo", "report", "version", "completion",
                "--report", "--format", "--out", "--source-path", "--suppressions", "--baseline", "--halt-on-error"}) {
            assertTrue(script.contains(word), "no " + word);
        }
        assertTrue(script.contains("(\"text\" \"json\" \"sarif\" \"junit\" \"html\")"), "format names are completed");
        assertEquals("", r.err());
    }
}
