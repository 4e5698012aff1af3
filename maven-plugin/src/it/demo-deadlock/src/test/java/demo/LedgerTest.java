package demo;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two tests that take the same two locks in opposite orders, one after the other: this run cannot deadlock, a
 * parallel one can. racecheck fails the second test, and check fails the build.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerTest {
    static final Object ACCOUNTS = new Object();
    static final Object LEDGER = new Object();
    static int entries;

    @Test
    @Order(1)
    void transferTakesAccountsThenLedger() {
        synchronized (ACCOUNTS) {
            synchronized (LEDGER) {
                entries++;
            }
        }
    }

    @Test
    @Order(2)
    void auditTakesLedgerThenAccounts() {
        synchronized (LEDGER) {
            synchronized (ACCOUNTS) {
                entries--;
            }
        }
    }
}
