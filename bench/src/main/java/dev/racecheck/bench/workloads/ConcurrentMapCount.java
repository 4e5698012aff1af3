package dev.racecheck.bench.workloads;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * ConcurrentHashMap-heavy word statistics over a synthetic corpus of {@code size} words drawn from 20,000 distinct
 * ones with a skewed (Zipf-like) frequency. Threads split the corpus; per word each does a {@code merge} into a map of
 * counts, a {@code compute} that updates a mutable statistics object in place (plain fields, ordered by the map's
 * per-key atomicity), and a {@link LongAdder} increment. Hot keys are contended by every thread.
 *
 * <p>Check: counts, per-word position sums and the total equal a sequential HashMap count of the same corpus.
 */
public final class ConcurrentMapCount {
    public static final int DEFAULT_SIZE = 1_000_000;
    private static final int VOCABULARY = 20_000;

    private ConcurrentMapCount() {
    }

    /** Mutable statistics of one word, updated only inside {@code ConcurrentHashMap.compute}. */
    static final class WordStats {
        long count;
        long positionSum;
        int lastThread;
    }

    public static void main(String[] args) {
        Harness.main("concurrentmap", args, DEFAULT_SIZE, ConcurrentMapCount::run);
    }

    public static Check run(int size, int threads) throws InterruptedException {
        String[] words = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) words[i] = "w" + Integer.toString(i * 7919 % 100_003, 36);
        Random random = new Random(99L);
        int[] corpus = new int[size];
        for (int i = 0; i < size; i++) {
            double u = random.nextDouble();
            corpus[i] = (int) (VOCABULARY * u * u * u);
        }

        ConcurrentHashMap<String, Long> counts = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, WordStats> stats = new ConcurrentHashMap<>();
        LongAdder total = new LongAdder();
        Harness.parallel(threads, "concurrentmap", part -> {
            int to = Harness.from(part + 1, threads, size);
            for (int i = Harness.from(part, threads, size); i < to; i++) {
                String word = words[corpus[i]];
                counts.merge(word, 1L, Long::sum);
                long position = i;
                stats.compute(word, (w, s) -> {
                    WordStats st = s == null ? new WordStats() : s;
                    st.count++;
                    st.positionSum += position;
                    st.lastThread = part;
                    return st;
                });
                total.increment();
            }
        });

        Map<String, long[]> expected = new HashMap<>();
        for (int i = 0; i < size; i++) {
            long[] e = expected.computeIfAbsent(words[corpus[i]], w -> new long[2]);
            e[0]++;
            e[1] += i;
        }
        if (total.sum() != size) return Check.of(false, "total " + total.sum() + " for " + size + " words");
        if (counts.size() != expected.size() || stats.size() != expected.size()) {
            return Check.of(false, counts.size() + " distinct words counted, " + expected.size() + " expected");
        }
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            Long count = counts.get(e.getKey());
            WordStats s = stats.get(e.getKey());
            if (count == null || count != e.getValue()[0] || s == null || s.count != e.getValue()[0]
                    || s.positionSum != e.getValue()[1]) {
                return Check.of(false, "word " + e.getKey() + ": count " + count + ", expected " + e.getValue()[0]);
            }
        }
        return Check.of(true, size + " words, " + expected.size() + " distinct");
    }
}
