package dev.racecheck.reports;

import java.util.List;

/**
 * Why a predicted race was not seen as a race in the run: the two accesses were ordered only by critical sections on
 * the same lock that have nothing to do with the variable. The previous access's thread released the lock after its
 * access, the current access's thread acquired it before its own; in another schedule the second critical section
 * comes first and the accesses race.
 *
 * @param lock       the lock of both critical sections
 * @param releasedAt where the previous access's thread released the lock, innermost frame first
 * @param acquiredAt where the current access's thread then acquired it, innermost frame first
 */
public record Prediction(LockInfo lock, List<Frame> releasedAt, List<Frame> acquiredAt) {
    public Prediction {
        releasedAt = List.copyOf(releasedAt);
        acquiredAt = List.copyOf(acquiredAt);
    }
}
