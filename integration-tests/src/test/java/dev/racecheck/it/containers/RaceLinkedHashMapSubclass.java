package dev.racecheck.it.containers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used cache of the program's own, a LinkedHashMap subclass, used by two threads without a lock.
 * The race is on the cache object; the operations are LinkedHashMap's. In access order get() is a write, so it races
 * with the size() that put() calls back as well.
 * Expected: race on dev.racecheck.it.containers.RaceLinkedHashMapSubclass$Lru (LinkedHashMap.put vs LinkedHashMap.get)
 */
public final class RaceLinkedHashMapSubclass {
    static final class Lru extends LinkedHashMap<String, String> {
        private static final long serialVersionUID = 1L;

        Lru() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            // Called back by put(): races with main's get(), a write in access order.
            return size() > 2; // racy access
        }
    }

    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        Lru cache = new Lru();
        cache.put("a", "alpha");
        Thread loader = Programs.thread("loader", () -> cache.put("b", "beta")); // racy access
        loader.start();
        Programs.sleep(100);
        String a = cache.get("a"); // racy access
        loader.join();
        System.out.println("RaceLinkedHashMapSubclass: " + a);
    }
}
