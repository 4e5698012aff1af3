package dev.racecheck.it.elements;

/**
 * Two threads each encrypt one half of a byte[1_000_000] in place, as a crypto kernel does; main joins both, then
 * reads every element.
 * Expected: no race
 */
public final class NoRaceCryptHalvesJoined {
    static final int N = 1_000_000;

    public static void main(String[] args) throws Exception {
        byte[] text = new byte[N];
        for (int i = 0; i < N; i++) text[i] = (byte) i;
        Thread first = new Thread(() -> crypt(text, 0, N / 2, 0x5a), "first-half");
        Thread second = new Thread(() -> crypt(text, N / 2, N, 0x3c), "second-half");
        first.start();
        second.start();
        first.join();
        second.join();
        long sum = 0;
        for (int i = 0; i < N; i++) sum += text[i];
        System.out.println("NoRaceCryptHalvesJoined: " + sum);
    }

    static void crypt(byte[] text, int from, int to, int key) {
        for (int i = from; i < to; i++) text[i] = (byte) (text[i] ^ key ^ (i * 31));
    }
}
