package dev.racecheck.it.containers;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;

/**
 * RaceSimpleDateFormat with a SimpleDateFormat per thread.
 * Expected: no race
 */
public final class NoRaceSimpleDateFormatThreadLocal {
    static final ThreadLocal<SimpleDateFormat> ISO = ThreadLocal.withInitial(() -> {
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f;
    });

    public static void main(String[] args) throws Exception {
        Programs.warmUp();
        ISO.get().format(new Date(0L)); // warm-up: date formatting loads its data in main
        String[] out = new String[2];
        Thread a = Programs.thread("format-a", () -> out[0] = ISO.get().format(new Date(0L)));
        Thread b = Programs.thread("format-b", () -> {
            Programs.sleep(100);
            out[1] = ISO.get().format(new Date(86_400_000L));
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("NoRaceSimpleDateFormatThreadLocal: " + out[0] + " " + out[1]);
    }
}
