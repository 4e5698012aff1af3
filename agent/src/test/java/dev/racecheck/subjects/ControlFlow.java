package dev.racecheck.subjects;

/** Loops at a method's first instruction, try/finally, string switches, labelled breaks, wide and TOP locals. */
public class ControlFlow {
    int field;
    long wideField;

    int loopFirst(int n) {
        while (true) { // the loop head is the first instruction: a stack map frame at offset 0
            field += n;
            if (--n <= 0) return field;
        }
    }

    @SuppressWarnings("finally")
    long finallyReturns(long x) {
        try {
            wideField = x;
            if (x > 10) throw new IllegalArgumentException();
            return x;
        } catch (IllegalArgumentException e) {
            wideField = -x;
            return -1;
        } finally {
            wideField++;
            if (x == 42) return wideField; // overrides the return value
        }
    }

    static String stringSwitch(String s) {
        switch (s) {
            case "Aa": // the same hashCode as "BB"
                return "first";
            case "BB":
                return "second";
            default:
                return "other";
        }
    }

    int labelled(int[][] grid) {
        int found = -1;
        outer:
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
                if (grid[i][j] < 0) {
                    found = i * 10 + j;
                    break outer;
                }
                field += grid[i][j];
            }
        }
        return found;
    }

    double mixedLocals(boolean flag) {
        double result;
        if (flag) {
            long a = 5;      // a wide local that dies at the join point: TOP TOP in the frame after it
            result = a * 1.5;
        } else {
            int b = 3;
            float c = 2f;
            result = b * c;
        }
        wideField = (long) result;
        return result;
    }

    public static String run() {
        ControlFlow c = new ControlFlow();
        return c.loopFirst(4) + " " + c.finallyReturns(5) + " " + c.finallyReturns(20) + " " + c.finallyReturns(42) + " "
                + stringSwitch("Aa") + stringSwitch("BB") + stringSwitch("Cc") + " "
                + c.labelled(new int[][] {{1, 2}, {3, -4}, {5}}) + " " + c.mixedLocals(true) + " " + c.mixedLocals(false)
                + " " + c.field + " " + c.wideField;
    }
}
