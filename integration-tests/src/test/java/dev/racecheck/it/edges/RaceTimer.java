package dev.racecheck.it.edges;

import java.util.Timer;
import java.util.TimerTask;

/**
 * Timer, edge broken: main writes after schedule(task).
 * Expected: race on static field dev.racecheck.it.edges.RaceTimer.data
 */
public final class RaceTimer {
    static int data;

    public static void main(String[] args) {
        Edges.warmUp();
        Timer timer = new Timer("timer");
        Edges.sleep(50);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                System.out.println("RaceTimer: " + data); // racy access
                timer.cancel(); // the timer thread ends, and with it the JVM
            }
        }, 100);
        data = 42; // racy access
    }
}
