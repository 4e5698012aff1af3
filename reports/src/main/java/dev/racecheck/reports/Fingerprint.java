package dev.racecheck.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A short, stable identity for a race or a deadlock, for baselines and de-duplication across runs and edits.
 *
 * <p>The fingerprint is the first 16 hex digits of SHA-256 over:
 * <ul>
 *   <li>the target's kind, owner and name, where an array element's index is dropped (another index of the same
 *       array type from the same code is the same bug);</li>
 *   <li>for each of the two accesses, its kind and the class and method of its innermost frame, the two sorted so
 *       that which access came first in the run does not matter. For a container, whose innermost frame names the
 *       operation ({@code java.util.HashMap.put}), the class and method of the program's frame below it as
 *       well.</li>
 * </ul>
 * Line numbers, file names, instances, thread ids and outer frames are left out so that the fingerprint survives
 * unrelated edits and reruns. Whether the race was seen or predicted, and its seed, are left out too: it is the same
 * bug.
 *
 * <p>A deadlock's fingerprint ({@link #of(Deadlock)}) is made the same way from its cycle: for each edge, the kinds
 * and classes of the lock held and the lock acquired, and the class and method of the program's frames where each was
 * taken ({@link Deadlock.Edge#acquiredFrame()}, {@link Deadlock.Edge#heldFrame()}),
 * the edges sorted so that where the cycle starts does not matter; no lines, no identity hashes, no thread ids.
 * Whether the deadlock is potential or actual is left out: it is the same lock-order inversion. For the same reason javac's position-dependent numbers are dropped: anonymous and local
 * class numbers ({@code Outer$1} becomes {@code Outer$}) and lambda numbers ({@code lambda$main$0} becomes
 * {@code lambda$main}), since adding a lambda or anonymous class earlier in the file renumbers the later ones.
 */
public final class Fingerprint {

    /** Number of hex digits kept: 64 bits, plenty to tell apart the races of one code base. */
    public static final int LENGTH = 16;

    // Fields are separated by NUL, which cannot occur in class, method or field names, so no two inputs collide.
    private static final char SEP = '\0';
    private static final Pattern SYNTHETIC_CLASS_NUMBER = Pattern.compile("\\$\\d+");
    private static final Pattern LAMBDA_NUMBER = Pattern.compile("^(lambda\\$.*)\\$\\d+$");

    private Fingerprint() {}

    /** The fingerprint of {@code race}: {@value #LENGTH} lowercase hex digits. */
    public static String of(Race race) {
        Target t = race.target();
        String name = t.kind() == Target.Kind.ARRAY_ELEMENT ? "[]" : t.name();
        String[] accesses = {access(race, race.current()), access(race, race.previous())};
        Arrays.sort(accesses);
        String input = t.kind().name() + SEP + normalizeClass(t.owner()) + SEP + name
                + SEP + accesses[0] + SEP + accesses[1];
        return HexFormat.of().formatHex(sha256(input)).substring(0, LENGTH);
    }

    /** The fingerprint of {@code deadlock}: {@value #LENGTH} lowercase hex digits, never equal to a race's. */
    public static String of(Deadlock deadlock) {
        String[] edges = new String[deadlock.edges().size()];
        for (int i = 0; i < edges.length; i++) {
            Deadlock.Edge e = deadlock.edges().get(i);
            edges[i] = lock(e.held()) + SEP + method(e.heldFrame()) + SEP + lock(e.acquired()) + SEP
                    + method(e.acquiredFrame());
        }
        Arrays.sort(edges);
        // The leading tag keeps a deadlock from ever sharing a fingerprint with a race (a target kind never reads so).
        StringBuilder input = new StringBuilder("DEADLOCK");
        for (String e : edges) input.append(SEP).append(SEP).append(e);
        return HexFormat.of().formatHex(sha256(input.toString())).substring(0, LENGTH);
    }

    private static String lock(LockInfo lock) {
        return lock == null ? "" + SEP : lock.kind().name() + SEP + normalizeClass(lock.className());
    }

    private static String access(Race race, Access a) {
        List<Frame> stack = a.stack();
        if (stack.isEmpty()) return a.kind().name() + SEP + SEP;
        String s = a.kind().name() + SEP + method(stack.get(0));
        int racy = race.racyFrameIndex(a);
        // A container's operation alone would make every put-against-get race on HashMaps one and the same.
        return racy > 0 ? s + SEP + method(stack.get(racy)) : s;
    }

    /** A frame's class and method, normalized; for no frame (a stack not known), empty. */
    private static String method(Frame f) {
        if (f == null) return "" + SEP;
        return normalizeClass(f.className()) + SEP + normalizeMethod(f.methodName());
    }

    static String normalizeClass(String className) {
        return className == null ? "" : SYNTHETIC_CLASS_NUMBER.matcher(className).replaceAll("\\$");
    }

    static String normalizeMethod(String methodName) {
        return methodName == null ? "" : LAMBDA_NUMBER.matcher(methodName).replaceFirst("$1");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e); // cannot happen
        }
    }
}
