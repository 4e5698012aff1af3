package dev.racecheck.samples;

/**
 * Different fields are different variables: two threads writing different fields of one object do not race.
 * Expected: no race
 */
public class NoRaceDifferentFields {
    private int left;
    private int right;

    public static void main(String[] args) throws InterruptedException {
        NoRaceDifferentFields pair = new NoRaceDifferentFields();
        Thread a = new Thread(() -> {
            for (int i = 0; i < 1_000; i++) {
                pair.left++;
            }
        }, "left-writer");
        Thread b = new Thread(() -> {
            for (int i = 0; i < 1_000; i++) {
                pair.right++;
            }
        }, "right-writer");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("left = " + pair.left + ", right = " + pair.right);
    }
}
