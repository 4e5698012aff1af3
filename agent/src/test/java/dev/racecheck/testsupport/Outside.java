package dev.racecheck.testsupport;

import java.util.function.Supplier;

/** A frame outside {@code dev.racecheck.agent}, for tests of what stack capture keeps. */
public final class Outside {
    private Outside() {
    }

    public static <T> T call(Supplier<T> body) {
        return body.get();
    }
}
