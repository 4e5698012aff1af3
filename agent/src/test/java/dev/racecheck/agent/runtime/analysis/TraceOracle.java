package dev.racecheck.agent.runtime.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Small abstract traces, and the brute-force answer to "is this pair of events a predictable race": is there a correct
 * reordering of the trace (each thread runs a prefix of its events, critical sections on one lock never overlap, every
 * read reads the same write as in the trace) after which both events are the next ones of their threads. Any order of
 * critical sections is allowed, not only the trace's: this is the most permissive notion, so a race it rejects is no
 * race. After the tester's {@code /work/probe3/tools/predict_check.py}, written again in Java for the unit tests.
 *
 * <p>Events: {@code "t1 w x"}, {@code "t1 r x"}, {@code "t1 acq m"}, {@code "t1 rel m"}; {@code "t1 fork t2"} (t2 runs only
 * after it), {@code "t1 join t2"} (only after all of t2); {@code vw}/{@code qput} and {@code vr}/{@code qtake} as a
 * write and a read of their target (a volatile, a queue's element: the read sees the same write), never racing.
 */
final class TraceOracle {
    record Event(String thread, String op, String target) {
        static Event parse(String s) {
            String[] p = s.trim().split("\\s+");
            return new Event(p[0], p[1], p[2]);
        }

        boolean access() {
            return op.equals("r") || op.equals("w");
        }

        @Override
        public String toString() {
            return thread + " " + op + " " + target;
        }
    }

    static List<Event> trace(String... events) {
        List<Event> out = new ArrayList<>();
        for (String e : events) out.add(Event.parse(e));
        return out;
    }

    static boolean conflict(Event a, Event b) {
        return a.access() && b.access() && a.target.equals(b.target) && !a.thread.equals(b.thread)
                && (a.op.equals("w") || b.op.equals("w"));
    }

    /** Whether events i and j (conflicting, of two threads) can both be enabled after a correct reordering. */
    static boolean predictable(List<Event> trace, int i, int j) {
        List<String> threads = new ArrayList<>();
        Map<String, List<Integer>> per = new HashMap<>();
        for (int k = 0; k < trace.size(); k++) {
            String t = trace.get(k).thread;
            if (!per.containsKey(t)) {
                threads.add(t);
                per.put(t, new ArrayList<>());
            }
            per.get(t).add(k);
        }
        int[] rf = new int[trace.size()];
        Map<String, Integer> last = new HashMap<>();
        for (int k = 0; k < trace.size(); k++) {
            Event e = trace.get(k);
            if (e.op.matches("r|vr|qtake")) rf[k] = last.getOrDefault(e.target, -1);
            if (e.op.matches("w|vw|qput")) last.put(e.target, k);
        }
        // Who starts whom: a thread's first event waits for its fork.
        int[] forkedBy = new int[threads.size()];
        int[] forkAt = new int[threads.size()];
        java.util.Arrays.fill(forkedBy, -1);
        for (int k = 0; k < trace.size(); k++) {
            Event e = trace.get(k);
            if (e.op.equals("fork")) {
                int child = threads.indexOf(e.target);
                if (child < 0) continue;
                forkedBy[child] = threads.indexOf(e.thread);
                forkAt[child] = per.get(e.thread).indexOf(k);
            }
        }
        int ti = threads.indexOf(trace.get(i).thread);
        int tj = threads.indexOf(trace.get(j).thread);
        int gi = per.get(threads.get(ti)).indexOf(i);
        int gj = per.get(threads.get(tj)).indexOf(j);
        int n = threads.size();
        Set<String> seen = new HashSet<>();
        List<State> stack = new ArrayList<>();
        stack.add(new State(new int[n], new HashMap<>(), new HashMap<>()));
        while (!stack.isEmpty()) {
            State s = stack.remove(stack.size() - 1);
            if (s.pos[ti] == gi && s.pos[tj] == gj) return true;
            for (int k = 0; k < n; k++) {
                int p = s.pos[k];
                if (k == ti && p >= gi || k == tj && p >= gj) continue;
                List<Integer> mine = per.get(threads.get(k));
                if (p >= mine.size()) continue;
                int idx = mine.get(p);
                Event e = trace.get(idx);
                if (forkedBy[k] >= 0 && s.pos[forkedBy[k]] <= forkAt[k]) continue;
                Map<String, String> owners = new HashMap<>(s.owners);
                Map<String, Integer> writers = new HashMap<>(s.writers);
                switch (e.op) {
                    case "acq" -> {
                        if (owners.containsKey(e.target)) continue;
                        owners.put(e.target, e.thread);
                    }
                    case "rel" -> owners.remove(e.target);
                    case "r", "vr", "qtake" -> {
                        if (writers.getOrDefault(e.target, -1) != rf[idx]) continue;
                    }
                    case "w", "vw", "qput" -> writers.put(e.target, idx);
                    case "fork" -> {
                    }
                    case "join" -> {
                        int child = threads.indexOf(e.target);
                        if (child >= 0 && s.pos[child] < per.get(e.target).size()) continue;
                    }
                    default -> throw new IllegalArgumentException(e.op);
                }
                int[] pos = s.pos.clone();
                pos[k]++;
                State next = new State(pos, owners, writers);
                if (seen.add(next.key())) stack.add(next);
            }
        }
        return false;
    }

    private record State(int[] pos, Map<String, String> owners, Map<String, Integer> writers) {
        String key() {
            return java.util.Arrays.toString(pos) + new java.util.TreeMap<>(owners) + new java.util.TreeMap<>(writers);
        }
    }

    /**
     * A random trace of whole blocks: each step, a random thread runs a critical section on a random lock (up to two
     * accesses inside, sometimes a nested section on another lock) or a bare access. Blocks are not interleaved, so
     * bare accesses are mostly ordered by the sections between them: the traces happens-before calls race-free, where
     * every race is a prediction, are common.
     */
    static List<Event> blocks(Random rng, int threads, int locks, int vars, int blocks) {
        List<Event> trace = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            String t = "t" + rng.nextInt(threads);
            if (rng.nextInt(10) < 6) {
                String l = "l" + rng.nextInt(locks);
                trace.add(new Event(t, "acq", l));
                int n = rng.nextInt(3);
                for (int k = 0; k < n; k++) trace.add(access(rng, t, vars));
                if (locks > 1 && rng.nextInt(5) == 0) {
                    String inner = "l" + rng.nextInt(locks);
                    if (!inner.equals(l)) {
                        trace.add(new Event(t, "acq", inner));
                        if (rng.nextBoolean()) trace.add(access(rng, t, vars));
                        trace.add(new Event(t, "rel", inner));
                        if (rng.nextBoolean()) trace.add(access(rng, t, vars));
                    }
                }
                trace.add(new Event(t, "rel", l));
            } else {
                trace.add(access(rng, t, vars));
            }
        }
        return trace;
    }

    private static Event access(Random rng, String thread, int vars) {
        return new Event(thread, rng.nextBoolean() ? "r" : "w", "x" + rng.nextInt(vars));
    }

    /** A random lock-correct trace, threads interleaved event by event; open sections closed at the end. */
    static List<Event> random(Random rng, int threads, int locks, int vars, int length) {
        List<String> ts = new ArrayList<>();
        for (int k = 0; k < threads; k++) ts.add("t" + k);
        Map<String, List<String>> held = new HashMap<>();
        for (String t : ts) held.put(t, new ArrayList<>());
        Map<String, String> owner = new HashMap<>();
        List<Event> trace = new ArrayList<>();
        while (trace.size() < length) {
            String t = ts.get(rng.nextInt(threads));
            List<String[]> choices = new ArrayList<>();
            List<String> h = held.get(t);
            if (!h.isEmpty()) choices.add(new String[] {"rel", h.get(h.size() - 1)});
            for (int k = 0; k < locks; k++) {
                String l = "l" + k;
                if (!owner.containsKey(l)) choices.add(new String[] {"acq", l});
            }
            for (int k = 0; k < vars; k++) {
                choices.add(new String[] {"r", "x" + k});
                choices.add(new String[] {"w", "x" + k});
            }
            String[] c = choices.get(rng.nextInt(choices.size()));
            if (c[0].equals("acq")) {
                owner.put(c[1], t);
                h.add(c[1]);
            } else if (c[0].equals("rel")) {
                h.remove(h.size() - 1);
                owner.remove(c[1]);
            }
            trace.add(new Event(t, c[0], c[1]));
        }
        for (String t : ts) {
            List<String> h = held.get(t);
            while (!h.isEmpty()) trace.add(new Event(t, "rel", h.remove(h.size() - 1)));
        }
        return trace;
    }
}
