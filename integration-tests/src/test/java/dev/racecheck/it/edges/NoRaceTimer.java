package dev.racecheck.it.edges;

import java.util.Timer;
import java.util.TimerTask;

/**
 * Timer: actions before schedule(task) happen-before the task runs in the timer thread (which was started
 * earlier, by new Timer(), so Thread.start does not order them).
 * Expected: no race
 */
public final class NoRaceTimer {
    static int data;

    public static void main(String[] args) {
        Edges.warmUp();
        Timer timer = new Timer("timer");
        Edges.sleep(50);
        data = 42;
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                System.out.println("NoRaceTimer: " + data);
                timer.cancel(); // the timer thread ends, and with it the JVM
            }
        }, 10);
    }
}
