package dev.racecheck.samples;

/**
 * Two bank accounts, and a transfer that locks both: first the account the money leaves, then the one it goes to.
 * Alice pays Bob, and later Bob pays Alice, each transfer in a thread of its own. This run is lucky: the second
 * transfer starts after the first has finished, so nothing hangs. But the two transfers take the same two locks in
 * opposite orders, and had they run at the same time, each thread would hold one account and wait forever for the
 * other: a deadlock, Java's silent cousin of Go's "all goroutines are asleep". racecheck reports the lock-order
 * inversion (as ThreadSanitizer does) from this one lucky run, with the stacks of all four acquisitions. The fix
 * is one global order for the locks: see no-deadlock.
 *
 * <p>Expected: potential deadlock: monitor dev.racecheck.samples.Deadlock$Account => monitor dev.racecheck.samples.Deadlock$Account
 */
public class Deadlock {
    static final class Account {
        final String owner;
        long balance;

        Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
        }
    }

    static void transfer(Account from, Account to, long amount) {
        synchronized (from) { // lock order
            synchronized (to) { // lock order: BUG when another transfer goes the other way at the same time
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account alice = new Account("alice", 100);
        Account bob = new Account("bob", 100);
        Thread first = new Thread(() -> transfer(alice, bob, 30), "alice-pays-bob");
        first.start();
        first.join(); // luck: in production both may run at once
        Thread second = new Thread(() -> transfer(bob, alice, 10), "bob-pays-alice");
        second.start();
        second.join();
        System.out.println("alice " + alice.balance + ", bob " + bob.balance);
    }
}
