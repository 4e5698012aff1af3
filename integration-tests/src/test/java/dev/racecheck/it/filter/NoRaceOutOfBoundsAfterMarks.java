package dev.racecheck.it.filter;

/**
 * Accesses just past the end of arrays whose elements this thread has marked (the filter's last page is shared with
 * indexes past the end): the program's own ArrayIndexOutOfBoundsException, thrown by its own frame, and nothing else.
 * Expected: no race
 */
public final class NoRaceOutOfBoundsAfterMarks {
    public static void main(String[] args) {
        int[] small = new int[300];
        long[] large = new long[5000];
        for (int i = 0; i < small.length; i++) small[i]++;
        for (int i = 0; i < large.length; i++) large[i] += small[i % small.length];
        int caught = 0;
        for (int index : new int[] {300, 1023, 1024, -1}) {
            try {
                small[index]++;
            } catch (ArrayIndexOutOfBoundsException e) {
                if (!e.getStackTrace()[0].getClassName().equals(NoRaceOutOfBoundsAfterMarks.class.getName())) {
                    throw new AssertionError("thrown elsewhere", e);
                }
                caught++;
            }
        }
        for (int index : new int[] {5000, 5119, -5}) {
            try {
                large[index] = 1;
            } catch (ArrayIndexOutOfBoundsException e) {
                caught++;
            }
        }
        if (caught != 7) throw new AssertionError("caught " + caught + " of 7");
        System.out.println("NoRaceOutOfBoundsAfterMarks: ok");
    }
}
