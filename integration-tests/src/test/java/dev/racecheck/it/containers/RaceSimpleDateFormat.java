package dev.racecheck.it.containers;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;

/**
 * One SimpleDateFormat shared by two threads: format() keeps its work in the object's Calendar, so two calls at once
 * can print each other's dates. Every format and parse is a write.
 * Expected: race on java.text.SimpleDateFormat (SimpleDateFormat.format vs SimpleDateFormat.format)
 */
public final class RaceSimpleDateFormat {
    static final SimpleDateFormat ISO = new SimpleDateFormat("yyyy-MM-dd");

    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        ISO.setTimeZone(TimeZone.getTimeZone("UTC"));
        ISO.format(new Date(0L)); // warm-up: date formatting loads its data in main (see Programs)
        String[] out = new String[2];
        Thread a = Programs.thread("format-a", () -> out[0] = ISO.format(new Date(0L))); // racy access
        Thread b = Programs.thread("format-b", () -> {
            Programs.sleep(100);
            out[1] = ISO.format(new Date(86_400_000L)); // racy access
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("RaceSimpleDateFormat: " + out[0] + " " + out[1]);
    }
}
