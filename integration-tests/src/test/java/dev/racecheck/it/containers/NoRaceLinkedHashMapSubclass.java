package dev.racecheck.it.containers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cache of RaceLinkedHashMapSubclass with synchronized get and put of its own: the calls from the threads reach
 * the overrides, which call LinkedHashMap's methods through super while holding the cache's monitor.
 * Expected: no race
 */
public final class NoRaceLinkedHashMapSubclass {
    static final class Lru extends LinkedHashMap<String, String> {
        private static final long serialVersionUID = 1L;

        Lru() {
            super(16, 0.75f, true);
        }

        @Override
        public synchronized String put(String key, String value) {
            return super.put(key, value);
        }

        @Override
        public synchronized String get(Object key) {
            return super.get(key);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 2;
        }
    }

    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Lru cache = new Lru();
        cache.put("a", "alpha");
        Thread loader = Programs.thread("loader", () -> cache.put("b", "beta"));
        loader.start();
        Programs.sleep(100);
        String a = cache.get("a");
        loader.join();
        System.out.println("NoRaceLinkedHashMapSubclass: " + a);
    }
}
