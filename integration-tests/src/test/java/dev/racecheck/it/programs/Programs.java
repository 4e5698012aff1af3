package dev.racecheck.it.programs;

/** Helpers shared by the small test programs that ExitStatusIT runs in their own JVMs. */
public final class Programs {
    private Programs() {
    }

    /** The line a program prints first thing in main, which tells the tests that main ran. */
    public static String marker(Class<?> program) {
        return program.getSimpleName() + ": main started";
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
