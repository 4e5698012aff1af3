package dev.racecheck.bench.workloads;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Java Grande section 2 "Crypt": IDEA encryption and decryption of {@code size} bytes. The 52 encryption and 52
 * decryption subkeys are computed once by the main thread and then read by every worker (read-shared arrays);
 * threads take contiguous blocks of 8-byte blocks. Encryption and decryption are two rounds of threads, each
 * started after the previous round was joined. Integer-heavy, with byte array reads and writes.
 *
 * <p>Check: decryption gives back the original bytes, and the ciphertext differs from them. The cipher itself is
 * checked against a published test vector by the unit tests ({@link #encryptBlock}). {@code checksum} (a hash of
 * the ciphertext) is printed for the Go port's equivalence test; {@code bench/go/crypt} is the same program in Go.
 */
public final class Crypt {
    /** JGF size B. */
    public static final int DEFAULT_SIZE = 20_000_000;

    private Crypt() {
    }

    public static void main(String[] args) {
        Harness.main("crypt", args, DEFAULT_SIZE, Crypt::run);
    }

    public static Check run(int size, int threads) throws InterruptedException {
        int bytes = size / 8 * 8;
        SplitMix64 random = new SplitMix64(136506717L);
        byte[] plain = new byte[bytes];
        for (int i = 0; i < bytes; i += 8) {
            long v = random.nextLong();
            for (int k = 0; k < 8; k++) plain[i + k] = (byte) (v >>> 8 * k);
        }
        int[] userKey = new int[8];
        for (int i = 0; i < 8; i++) userKey[i] = random.nextInt(0x10000);
        int[] encryptKey = encryptionKey(userKey);
        int[] decryptKey = decryptionKey(encryptKey);

        byte[] crypted = new byte[bytes];
        byte[] decrypted = new byte[bytes];
        int blocks = bytes / 8;
        Harness.parallel(threads, "crypt-encrypt", part -> cipher(plain, crypted, encryptKey,
                Harness.from(part, threads, blocks), Harness.from(part + 1, threads, blocks)));
        Harness.parallel(threads, "crypt-decrypt", part -> cipher(crypted, decrypted, decryptKey,
                Harness.from(part, threads, blocks), Harness.from(part + 1, threads, blocks)));

        int same = 0;
        long checksum = 0;
        for (int i = 0; i < bytes; i++) {
            if (decrypted[i] != plain[i]) return Check.of(false, "byte " + i + " did not decrypt to the original");
            if (crypted[i] == plain[i]) same++;
            checksum = checksum * 31 + (crypted[i] & 0xFF);
        }
        // About 1/256 of ciphertext bytes equal the plaintext by chance; many more would mean no encryption.
        boolean ciphered = bytes == 0 || same < bytes / 64 + 8;
        return Check.of(ciphered, bytes + " bytes round-tripped, " + same + " ciphertext bytes equal to the plaintext"
                + " checksum=" + Long.toUnsignedString(checksum));
    }

    /** Runs blocks [from, to) of {@code in} through IDEA with the 52 subkeys {@code key} into {@code out}. */
    private static void cipher(byte[] in, byte[] out, int[] key, int from, int to) {
        int[] block = new int[4];
        for (int b = from; b < to; b++) {
            int at = b * 8;
            for (int k = 0; k < 4; k++) block[k] = (in[at + 2 * k] & 0xFF) << 8 | (in[at + 2 * k + 1] & 0xFF);
            encryptBlock(block, key);
            for (int k = 0; k < 4; k++) {
                out[at + 2 * k] = (byte) (block[k] >>> 8);
                out[at + 2 * k + 1] = (byte) block[k];
            }
        }
    }

    /** One 64-bit block as four 16-bit words, through 8 rounds and the output transformation, in place. */
    static void encryptBlock(int[] block, int[] key) {
        int x1 = block[0];
        int x2 = block[1];
        int x3 = block[2];
        int x4 = block[3];
        int k = 0;
        for (int round = 0; round < 8; round++) {
            x1 = mul(x1, key[k++]);
            x2 = (x2 + key[k++]) & 0xFFFF;
            x3 = (x3 + key[k++]) & 0xFFFF;
            x4 = mul(x4, key[k++]);
            // The multiply-add structure on (x1 ^ x3, x2 ^ x4).
            int p = mul(x1 ^ x3, key[k++]);
            int q = mul((p + (x2 ^ x4)) & 0xFFFF, key[k++]);
            p = (p + q) & 0xFFFF;
            x1 ^= q;
            x4 ^= p;
            // Both inner words take the other's mix, which swaps them for the next round.
            int newX2 = x3 ^ q;
            x3 = x2 ^ p;
            x2 = newX2;
        }
        // The output transformation undoes the last swap.
        block[0] = mul(x1, key[k++]);
        block[1] = (x3 + key[k++]) & 0xFFFF;
        block[2] = (x2 + key[k++]) & 0xFFFF;
        block[3] = mul(x4, key[k]);
    }

    /** Multiplication modulo 2^16 + 1, where 0 stands for 2^16. */
    static int mul(int a, int b) {
        if (a == 0) return (0x10001 - b) & 0xFFFF;
        if (b == 0) return (0x10001 - a) & 0xFFFF;
        long product = (long) a * b;
        int lo = (int) (product & 0xFFFF);
        int hi = (int) (product >>> 16);
        return (lo - hi + (lo < hi ? 0x10001 : 0)) & 0xFFFF;
    }

    /** Multiplicative inverse modulo 2^16 + 1 (0 and 1 are their own inverses), by the extended Euclidean algorithm. */
    static int inverse(int x) {
        if (x <= 1) return x;
        int r0 = 0x10001;
        int r1 = x;
        int t0 = 0;
        int t1 = 1;
        while (r1 != 0) {
            int q = r0 / r1;
            int r = r0 - q * r1;
            r0 = r1;
            r1 = r;
            int t = t0 - q * t1;
            t0 = t1;
            t1 = t;
        }
        return t0 < 0 ? t0 + 0x10001 : t0;
    }

    /** The 52 encryption subkeys: the 128-bit user key, rotated left by 25 bits for each further eight. */
    static int[] encryptionKey(int[] userKey) {
        int[] z = new int[52];
        for (int i = 0; i < 52; i++) {
            int rotation = 25 * (i / 8);
            int bit = (16 * (i % 8) + rotation) % 128; // first key bit of this subkey
            int value = 0;
            for (int b = 0; b < 16; b++) {
                int at = (bit + b) % 128;
                value = value << 1 | (userKey[at / 16] >>> (15 - at % 16)) & 1;
            }
            z[i] = value;
        }
        return z;
    }

    /** The 52 decryption subkeys: the encryption subkeys of each round inverted, in reverse round order. */
    static int[] decryptionKey(int[] z) {
        int[] d = new int[52];
        for (int round = 0; round <= 8; round++) {
            // Decryption round r uses the transformation keys of encryption round 8 - r ...
            int e = 6 * (8 - round);
            int o = 6 * round;
            d[o] = inverse(z[e]);
            // ... with the additive keys swapped, except in the first and last, where no swap happened.
            boolean outer = round == 0 || round == 8;
            d[o + 1] = (0x10000 - z[e + (outer ? 1 : 2)]) & 0xFFFF;
            d[o + 2] = (0x10000 - z[e + (outer ? 2 : 1)]) & 0xFFFF;
            d[o + 3] = inverse(z[e + 3]);
            if (round < 8) {
                // The multiply-add keys of the preceding encryption round, unchanged.
                d[o + 4] = z[e - 2];
                d[o + 5] = z[e - 1];
            }
        }
        return d;
    }
}
