package dev.racecheck.subjects;

import java.util.Arrays;

/** Array loads and stores of every element type, compound assignments, chains, and the stores that throw. */
public class ArrayStores {
    public static int[] ints;

    public static String run() {
        int[] i = new int[4];
        long[] j = new long[4];
        float[] f = new float[4];
        double[] d = new double[4];
        byte[] b = new byte[4];
        char[] c = new char[4];
        short[] s = new short[4];
        boolean[] z = new boolean[4];
        String[] l = new String[4];
        int[][] m = new int[3][3];
        for (int k = 0; k < 4; k++) {
            i[k] = k * 7;
            j[k] = (long) k << 40;
            f[k] = k / 3f;
            d[k] = k / 7.0;
            b[k] = (byte) (k * 100);
            c[k] = (char) ('a' + k);
            s[k] = (short) (k * 10_000);
            z[k] = k % 2 == 0;
            l[k] = "s" + k;
            m[k % 3][k % 3] = k;
        }
        i[1] += 5;
        j[2] *= 3;
        f[3] -= 0.5f;
        d[0] += 1.25;
        b[1]++;
        c[2] += 2;
        s[3] >>= 1;
        z[1] |= true;
        l[0] += "!";
        m[1][2] = m[2][2]++ + m[0][0];
        int[] i2 = new int[2];
        long[] j2 = new long[2];
        double[] d2 = new double[2];
        i[3] = i2[1] = 99;      // DUP_X2 between IASTOREs
        j[3] = j2[1] = -5L;     // DUP2_X2 between LASTOREs
        d[3] = d2[0] = 0.5;     // DUP2_X2 between DASTOREs
        int index = 0;
        i[index++] = i[index] + i[index + 1];
        StringBuilder errors = new StringBuilder();
        try {
            Object[] covariant = new String[1];
            covariant[0] = Integer.valueOf(1);
        } catch (ArrayStoreException e) {
            errors.append("ASE ");
        }
        try {
            i[4] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            errors.append("AIOOBE-store ");
        }
        try {
            errors.append(j[-1]);
        } catch (ArrayIndexOutOfBoundsException e) {
            errors.append("AIOOBE-load ");
        }
        try {
            int[] none = null;
            none[0] = 1;
        } catch (NullPointerException e) {
            errors.append("NPE ");
        }
        ints = i;
        return Arrays.toString(i) + Arrays.toString(j) + Arrays.toString(f) + Arrays.toString(d) + Arrays.toString(b)
                + Arrays.toString(c) + Arrays.toString(s) + Arrays.toString(z) + Arrays.toString(l)
                + Arrays.deepToString(m) + Arrays.toString(i2) + Arrays.toString(j2) + Arrays.toString(d2) + errors;
    }
}
