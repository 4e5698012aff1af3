package dev.racecheck.it.containers;

import java.util.ArrayList;
import java.util.List;

/**
 * addAll reads its argument: a list of the thread's own filled from a shared one, while another thread adds to it.
 * Expected: race on java.util.ArrayList (ArrayList.add vs List.addAll)
 */
public final class RaceAddAllArgument {
    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        List<String> shared = new ArrayList<>(List.of("ada"));
        int[] size = new int[1];
        Thread first = Programs.thread("first", () -> {
            shared.add("bob"); // racy access
        });
        Thread second = Programs.thread("second", () -> {
            Programs.sleep(100);
            List<String> own = new ArrayList<>();
            own.addAll(shared); // racy access
            size[0] = own.size();
        });
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("RaceAddAllArgument: " + size[0]);
    }
}
