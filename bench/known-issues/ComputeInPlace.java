import java.util.concurrent.ConcurrentHashMap;

/**
 * racecheck false alarm (found by the concurrentmap benchmark): two threads update one mutable value in place with
 * ConcurrentHashMap.compute on the same key. compute is atomic per key and the value stays in the map, so each
 * update happens-before the next one (java.util.concurrent memory consistency: placing an object in a concurrent
 * collection happens-before its later access from it). racecheck reports a race on Counter.n.
 *
 * Run: java -javaagent:agent/target/racecheck.jar bench/known-issues/ComputeInPlace.java
 * Expected: "n = 200000" and exit status 0. Seen: WARNING: DATA RACE on ComputeInPlace$Counter.n, exit 66.
 * Likely cause: JdkModel models compute/merge as acquire(map) on entry and release(map) on exit; a second thread
 * enters (acquires) while the first still runs its function, then waits for the bin lock, so its acquire comes
 * before the first thread's release.
 */
public class ComputeInPlace {
    static final class Counter {
        long n;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentHashMap<String, Counter> map = new ConcurrentHashMap<>();
        Runnable work = () -> {
            for (int i = 0; i < 100_000; i++) {
                map.compute("k", (k, c) -> {
                    Counter counter = c == null ? new Counter() : c;
                    counter.n++;
                    return counter;
                });
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("n = " + map.get("k").n);
    }
}
