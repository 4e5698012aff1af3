package dev.racecheck.subjects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Lambdas and method references: capturing locals and this, writing fields and arrays, recursion, streams. */
public class Lambdas {
    private int hits;
    private final List<String> seen = new ArrayList<>();
    static IntUnaryOperator factorial;

    String tag(String s) {
        hits++;
        seen.add(s);
        return "<" + s + ">";
    }

    public static String run() {
        Lambdas me = new Lambdas();
        int offset = 3;
        long[] acc = new long[1];
        Function<String, String> bound = me::tag;
        BiFunction<Lambdas, String, String> unbound = Lambdas::tag;
        Supplier<List<String>> ctor = ArrayList::new;
        factorial = n -> n <= 1 ? 1 : n * factorial.applyAsInt(n - 1);
        List<String> made = ctor.get();
        IntStream.rangeClosed(1, 5).forEach(n -> {
            acc[0] += (long) n * offset;
            me.hits += n;
            made.add(bound.apply("n" + n));
        });
        Map<Boolean, List<Integer>> parts = IntStream.range(0, 10).boxed()
                .collect(Collectors.partitioningBy(n -> n % 2 == 0, Collectors.toList()));
        Map<Integer, Long> byLength = new TreeMap<>(made.stream()
                .collect(Collectors.groupingBy(String::length, Collectors.counting())));
        Runnable r = () -> me.seen.add(unbound.apply(me, "run"));
        r.run();
        // Method references to containers' methods go through racecheck's bridges (ContainerMethodRefs): bound to a
        // receiver of a narrower static type than the method's owner, unbound, and on a class.
        java.util.concurrent.ConcurrentMap<String, List<String>> groups = new java.util.concurrent.ConcurrentHashMap<>();
        BiFunction<String, Function<String, List<String>>, List<String>> group = groups::computeIfAbsent;
        group.apply("a", k -> new ArrayList<>()).add("x");
        Function<Object, List<String>> lookup = groups::get;
        java.util.LinkedHashMap<String, Integer> order = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<String, Integer> put = order::put;
        put.accept("k", 1);
        Function<ArrayList<String>, Integer> size = ArrayList::size;
        StringBuilder sb = new StringBuilder("ab");
        Supplier<StringBuilder> reverse = sb::reverse;
        return acc[0] + " " + me.hits + " " + made + " " + parts + " " + byLength + " " + factorial.applyAsInt(6) + " "
                + me.seen + " " + lookup.apply("a") + " " + order + " " + size.apply(new ArrayList<>(made)) + " "
                + reverse.get();
    }
}
