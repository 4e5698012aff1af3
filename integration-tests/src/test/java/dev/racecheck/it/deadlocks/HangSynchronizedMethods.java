package dev.racecheck.it.deadlocks;

/**
 * A real deadlock in synchronized methods: a.transfer(b) and b.transfer(a) at once. A synchronized method takes its
 * monitor before its first instruction, where racecheck has no hook: the JVM's own deadlock detection finds it.
 * Expected: deadlock: monitor dev.racecheck.it.deadlocks.HangSynchronizedMethods$Account => monitor dev.racecheck.it.deadlocks.HangSynchronizedMethods$Account
 */
public class HangSynchronizedMethods {
    static final Deadlocks.Meet MEET = new Deadlocks.Meet();

    static final class Account {
        long balance = 100;

        synchronized void transfer(Account to, long amount) {
            balance -= amount; // lock order
            MEET.arrive();
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
        Thread t2 = Deadlocks.start("t2", () -> b.transfer(a, 10));
        Deadlocks.announceWhenBlocked(t1, t2);
        Deadlocks.join(t1, t2);
    }
}
