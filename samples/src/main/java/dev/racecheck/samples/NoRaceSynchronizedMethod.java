package dev.racecheck.samples;

/**
 * Synchronized methods lock the object itself, so all of an object's synchronized methods exclude one another.
 * Expected: no race
 */
public class NoRaceSynchronizedMethod {
    private long balance;

    synchronized void deposit(long amount) {
        balance += amount;
    }

    synchronized boolean withdraw(long amount) {
        if (balance < amount) {
            return false;
        }
        balance -= amount;
        return true;
    }

    synchronized long balance() {
        return balance;
    }

    public static void main(String[] args) throws InterruptedException {
        NoRaceSynchronizedMethod account = new NoRaceSynchronizedMethod();
        account.deposit(1_000);
        Thread saver = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                account.deposit(10);
            }
        }, "saver");
        Thread spender = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                account.withdraw(5); // never fails: the balance starts at 1000 and 100 * 5 = 500
            }
        }, "spender");
        saver.start();
        spender.start();
        saver.join();
        spender.join();
        System.out.println("balance = " + account.balance());
    }
}
