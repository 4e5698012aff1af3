package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;

/**
 * Heavy, correct use of HashMaps and lists: from main alone, then a word count over a thread pool where every task
 * fills maps of its own and hands them back through Futures, invokeAll, a CompletableFuture chain and a
 * BlockingQueue, a shared dictionary filled before the tasks are submitted and only read by them, and a parallel
 * stream that collects into maps inside the JDK. Nothing here races.
 * Expected: no race
 */
public final class NoRaceHashMapsThreadPool {
    static final String[] TEXT = ("the quick brown fox jumps over the lazy dog and the dog sleeps while the fox runs"
            + " far away from the farm where the lazy dog sleeps").split(" ");

    static Map<String, Integer> count(int from, int to) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = from; i < to; i++) {
            counts.merge(TEXT[i % TEXT.length], 1, Integer::sum);
        }
        return counts;
    }

    static void addAll(Map<String, Integer> total, Map<String, Integer> part) {
        for (Map.Entry<String, Integer> e : part.entrySet()) {
            total.merge(e.getKey(), e.getValue(), Integer::sum);
        }
    }

    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        // One thread: maps, lists and builders come and go.
        Map<String, Integer> total = new HashMap<>();
        for (int round = 0; round < 200; round++) {
            addAll(total, count(round, round + 50));
        }
        Map<String, Integer> dictionary = new HashMap<>();
        for (String w : TEXT) {
            dictionary.putIfAbsent(w, w.length());
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        pool.submit(() -> { }).get(); // warm-up (see Programs)
        List<Future<Map<String, Integer>>> futures = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int from = t * 100;
            futures.add(pool.submit(() -> {
                Map<String, Integer> mine = count(from, from + 100);
                int letters = 0;
                for (String w : mine.keySet()) {
                    letters += dictionary.get(w); // read-only, filled before submit
                }
                mine.put("#letters", letters);
                return mine;
            }));
        }
        Map<String, Integer> pooled = new HashMap<>();
        for (Future<Map<String, Integer>> f : futures) {
            addAll(pooled, f.get());
        }

        List<Callable<Map<String, Integer>>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int from = t * 10;
            tasks.add(() -> count(from, from + 10));
        }
        for (Future<Map<String, Integer>> f : pool.invokeAll(tasks)) {
            addAll(pooled, f.get());
        }

        Map<String, Integer> chained = CompletableFuture.supplyAsync(() -> count(0, 30), pool)
                .thenApplyAsync(m -> {
                    m.put("fox", m.getOrDefault("fox", 0) + 100);
                    return m;
                }, pool)
                .thenCombine(CompletableFuture.supplyAsync(() -> count(30, 60), pool), (a, b) -> {
                    Map<String, Integer> both = new TreeMap<>(a);
                    addAll(both, b);
                    return both;
                }).join();

        BlockingQueue<Map<String, Integer>> results = new LinkedBlockingQueue<>();
        for (int t = 0; t < 4; t++) {
            int from = t * 7;
            pool.execute(() -> results.add(count(from, from + 7)));
        }
        Map<String, Integer> queued = new HashMap<>();
        for (int t = 0; t < 4; t++) {
            addAll(queued, results.take());
        }
        pool.shutdown();

        Map<String, Long> parallel = List.of(TEXT).parallelStream()
                .collect(Collectors.groupingBy(w -> w, Collectors.counting()));

        StringBuilder out = new StringBuilder("NoRaceHashMapsThreadPool:");
        out.append(' ').append(total.get("the")).append(' ').append(pooled.get("dog")).append(' ')
                .append(pooled.get("#letters")).append(' ').append(chained.get("fox")).append(' ')
                .append(queued.size()).append(' ').append(parallel.get("lazy"));
        System.out.println(out);
    }
}
