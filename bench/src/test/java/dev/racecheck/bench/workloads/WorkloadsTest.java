package dev.racecheck.bench.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.racecheck.bench.workloads.Harness.Check;

/** Every workload at its tiny size computes its checked result (in this JVM, without the agent). */
class WorkloadsTest {

    @ParameterizedTest
    @EnumSource(Workload.class)
    void tinyRunPassesItsCheck(Workload w) throws Throwable {
        if (w.needsJdk21 && Runtime.version().feature() < 21) return; // run on JDK 25 by AgentSmokeTest
        for (int threads : new int[] {1, 3}) {
            Check check = w.body.run(w.tinySize, threads);
            assertTrue(check.ok, w.id + " with " + threads + " threads: " + check);
        }
    }

    @Test
    void scalingWorkloadsPassTheirChecks() throws Throwable {
        assertTrue(ThreadScaling.run(1000, 5).ok);
        assertTrue(HeapScaling.run(1000, 3).ok);
    }

    @Test
    void ideaMatchesThePublishedTestVector() {
        // Lai's test vector: key 0001 0002 ... 0008, plaintext 0000 0001 0002 0003, ciphertext 11FB ED2B 0198 6DE5.
        int[] key = Crypt.encryptionKey(new int[] {1, 2, 3, 4, 5, 6, 7, 8});
        int[] block = {0, 1, 2, 3};
        Crypt.encryptBlock(block, key);
        assertArrayEquals(new int[] {0x11FB, 0xED2B, 0x0198, 0x6DE5}, block);
        Crypt.encryptBlock(block, Crypt.decryptionKey(key));
        assertArrayEquals(new int[] {0, 1, 2, 3}, block);
    }

    @Test
    void ideaInverseUndoesMultiplication() {
        for (int x = 0; x <= 0xFFFF; x++) assertEquals(1, Crypt.mul(x, Crypt.inverse(x)), "x = " + x);
    }

    @Test
    void blackScholesReferencePrice() {
        // The textbook at-the-money call: S = K = 100, r = 5%, sigma = 20%, one year: 10.4506.
        assertEquals(10.4506, MonteCarlo.blackScholesCall(100, 100, 0.05, 0.2, 1), 1e-4);
    }
}
