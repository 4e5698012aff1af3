package dev.racecheck.junit;

import java.util.List;

/**
 * Shortens a race report for a test failure or a build log: in each stack, the frames of the test framework and of
 * reflection below the test's own code (JUnit's engine, Surefire's booter: often 60 frames) are replaced by one line
 * saying how many were left out. A stack that starts in framework code is kept whole: the race is then in the
 * framework's own code, and every frame counts. The JSON report and the agent's stderr keep the complete stacks.
 * Depends on the JDK only (the Maven plugin uses it too).
 */
public final class FrameworkFrames {
    private static final List<String> FRAMEWORK = List.of("org.junit.", "junit.", "org.apache.maven.surefire.",
            "org.gradle.", "com.intellij.rt.", "org.eclipse.jdt.internal.junit", "java.lang.reflect.",
            "jdk.internal.reflect.", "sun.reflect.");

    private FrameworkFrames() {
        // no instances
    }

    /** The report with framework frames below the test's own code left out. */
    public static String trim(String raceText) {
        String[] lines = raceText.split("\n", -1);
        StringBuilder out = new StringBuilder(raceText.length());
        boolean ownCodeSeen = false;
        boolean cutting = false;
        int cut = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean frame = line.startsWith("  at ");
            if (!frame) {
                if (cut > 0) out.append("  ... ").append(cut).append(cut == 1 ? " frame" : " frames")
                        .append(" of the test framework\n");
                ownCodeSeen = false;
                cutting = false;
                cut = 0;
                out.append(line);
                if (i < lines.length - 1) out.append('\n');
                continue;
            }
            if (!cutting) {
                boolean framework = isFramework(line.substring(5));
                if (framework && ownCodeSeen) {
                    cutting = true;
                } else if (!framework) {
                    ownCodeSeen = true;
                }
            }
            if (cutting) {
                cut++;
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static boolean isFramework(String frame) {
        int slash = frame.indexOf('/');
        int paren = frame.indexOf('(');
        // "java.base/java.lang.Thread.run(...)": drop the module; a '/' inside the parentheses is no module.
        String f = slash >= 0 && (paren < 0 || slash < paren) ? frame.substring(slash + 1) : frame;
        for (String p : FRAMEWORK) {
            if (f.startsWith(p)) return true;
        }
        return false;
    }
}
