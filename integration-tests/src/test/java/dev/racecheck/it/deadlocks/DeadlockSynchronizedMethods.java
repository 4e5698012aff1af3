package dev.racecheck.it.deadlocks;

/**
 * The classic transfer: a synchronized method of one account calls a synchronized method of the other, a.transfer(b)
 * and later b.transfer(a).
 * Expected: potential deadlock: monitor dev.racecheck.it.deadlocks.DeadlockSynchronizedMethods$Account => monitor dev.racecheck.it.deadlocks.DeadlockSynchronizedMethods$Account
 */
public class DeadlockSynchronizedMethods {
    static final class Account {
        private long balance = 100;

        // A synchronized method takes its monitor before its first line, which its stack shows.
        synchronized void transfer(Account to, long amount) {
            balance -= amount; // lock order
            to.deposit(amount);
        }

        synchronized void deposit(long amount) {
            balance += amount; // lock order
        }
    }

    public static void main(String[] args) {
        Account a = new Account();
        Account b = new Account();
        Thread t1 = Deadlocks.start("t1", () -> a.transfer(b, 10));
        Thread t2 = Deadlocks.start("t2", () -> {
            Deadlocks.awaitTerminated(t1);
            b.transfer(a, 10);
        });
        Deadlocks.join(t1, t2);
        System.out.println("balances " + a.balance + " " + b.balance);
    }
}
