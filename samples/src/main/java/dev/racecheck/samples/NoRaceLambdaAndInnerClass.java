package dev.racecheck.samples;

import java.util.function.IntUnaryOperator;

/**
 * Lambdas, anonymous and inner classes, records, enums and default methods are all just code: here each thread works on its own data and join() hands the results to main.
 * Expected: no race
 */
public class NoRaceLambdaAndInnerClass {
    interface Shape {
        double area();

        default String describe() { // an interface default method
            return getClass().getSimpleName() + " of area " + area();
        }
    }

    record Square(double side) implements Shape {
        public double area() {
            return side * side;
        }
    }

    enum Op {
        DOUBLE { int apply(int x) { return 2 * x; } }, // constant-specific class bodies
        NEGATE { int apply(int x) { return -x; } };

        abstract int apply(int x);
    }

    private final String[] results = new String[4]; // one slot per thread
    private int tally; // written only by the inner-class thread

    /** A (non-static) inner class: it updates a field of its enclosing instance. */
    class Tally implements Runnable {
        @Override
        public void run() {
            for (int i = 1; i <= 10; i++) {
                tally += i;
            }
            results[2] = "inner class: tally = " + tally;
        }
    }

    void compute() {
        IntUnaryOperator square = x -> x * x;
        results[3] = "method reference: 7 squared = " + square.applyAsInt(7);
    }

    public static void main(String[] args) throws InterruptedException {
        NoRaceLambdaAndInnerClass demo = new NoRaceLambdaAndInnerClass();
        Thread[] threads = {
            new Thread(() -> demo.results[0] = "lambda: " + new Square(3).describe(), "lambda"),
            new Thread(new Runnable() {
                @Override
                public void run() {
                    demo.results[1] = "anonymous class: " + Op.DOUBLE.apply(21) + ", " + Op.NEGATE.apply(5);
                }
            }, "anonymous"),
            new Thread(demo.new Tally(), "inner-class"),
            new Thread(demo::compute, "method-reference"),
        };
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join(); // orders each thread's writes before main's reads below
        }
        for (String r : demo.results) {
            System.out.println(r);
        }
    }
}
