package dev.racecheck.samples;

/**
 * The deadlock sample, fixed with a global lock order: every transfer locks the account with the smaller number
 * first, whichever way the money goes. Now the two transfers may run at the same time, as they do here: whoever
 * gets the first lock gets the second too, and no thread can hold one account while waiting for the other.
 *
 * <p>Expected: no deadlock
 */
public class NoDeadlock {
    static final class Account {
        final int number;
        long balance;

        Account(int number, long balance) {
            this.number = number;
            this.balance = balance;
        }
    }

    static void transfer(Account from, Account to, long amount) {
        Account first = from.number < to.number ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account alice = new Account(1, 100);
        Account bob = new Account(2, 100);
        Thread one = new Thread(() -> {
            for (int i = 0; i < 1000; i++) transfer(alice, bob, 3);
        }, "alice-pays-bob");
        Thread two = new Thread(() -> {
            for (int i = 0; i < 1000; i++) transfer(bob, alice, 1);
        }, "bob-pays-alice");
        one.start();
        two.start();
        one.join();
        two.join();
        System.out.println("alice " + alice.balance + ", bob " + bob.balance);
    }
}
