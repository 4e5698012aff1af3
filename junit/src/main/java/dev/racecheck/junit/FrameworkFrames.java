package dev.racecheck.junit;

import dev.racecheck.reports.TestFrames;

/**
 * Shortens a race report's text for a test failure or a build log: in each stack, the frames of the test framework
 * and of reflection below the test's own code (JUnit's engine, Surefire's booter: often 60 frames) are replaced by
 * one line saying how many were left out. The rule is racecheck-reports' {@link TestFrames}, which the agent already
 * applies to the texts it hands to this module and the text renderers apply by default; this entry point is for
 * tools that hold such a text from elsewhere (the Maven plugin). It needs racecheck-reports on the class path, which
 * the test JVM does not have: nothing in this module's runtime calls it.
 */
public final class FrameworkFrames {

    private FrameworkFrames() {
        // no instances
    }

    /** The report with framework frames below the test's own code left out; a text shortened already stays as it is. */
    public static String trim(String raceText) {
        return TestFrames.elide(raceText);
    }
}
