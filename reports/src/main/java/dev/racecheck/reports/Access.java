package dev.racecheck.reports;

import java.util.List;

/**
 * One side of a race: who accessed the variable, how, and from where.
 *
 * @param kind   read or write
 * @param thread the accessing thread's serial number (see {@link ThreadInfo#id()})
 * @param stack  the complete stack of the access, innermost frame (the racy line) first
 */
public record Access(AccessKind kind, long thread, List<Frame> stack) {
    public Access {
        stack = List.copyOf(stack);
    }
}
