package dev.racecheck.bench.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Java Grande section 3 "MonteCarlo": prices an option on an asset by simulating {@code size} price paths with the
 * drift and volatility estimated from a (here synthetic) historical price series. Each path is a task with its own
 * seed; it fills a fresh array with 1000 prices, derives its statistics and adds a result object to a list shared
 * by all threads under {@code synchronized}, as the original collects results in a Vector. Allocation-heavy:
 * one new array and one result object per path, and their elements are written then read by the same thread.
 *
 * <p>Check: every task reported once; the mean payoff of a European call, discounted, is within four standard
 * errors of the Black-Scholes price (the paths are exact in distribution); the paths' mean volatility is within 2%
 * of the estimated one.
 */
public final class MonteCarlo {
    /** JGF size A. */
    public static final int DEFAULT_SIZE = 10_000;
    private static final int STEPS = 1000;
    private static final double RATE = 0.05;
    private static final double YEARS = 1.0;
    private static final double SPOT = 100;
    private static final double STRIKE = 105;

    private MonteCarlo() {
    }

    /** What one path gives back. */
    static final class PathResult {
        final int task;
        final double payoff;
        final double volatility;

        PathResult(int task, double payoff, double volatility) {
            this.task = task;
            this.payoff = payoff;
            this.volatility = volatility;
        }
    }

    public static void main(String[] args) {
        Harness.main("montecarlo", args, DEFAULT_SIZE, MonteCarlo::run);
    }

    public static Check run(int paths, int threads) throws InterruptedException {
        double sigma = estimateVolatility();
        List<PathResult> results = new ArrayList<>();
        Harness.parallel(threads, "montecarlo", part -> {
            int to = Harness.from(part + 1, threads, paths);
            for (int task = Harness.from(part, threads, paths); task < to; task++) {
                PathResult r = simulate(task, sigma);
                synchronized (results) {
                    results.add(r);
                }
            }
        });

        if (results.size() != paths) return Check.of(false, results.size() + " results for " + paths + " paths");
        boolean[] seen = new boolean[paths];
        double sum = 0;
        double sumSquares = 0;
        double volatility = 0;
        for (PathResult r : results) {
            if (seen[r.task]) return Check.of(false, "path " + r.task + " reported twice");
            seen[r.task] = true;
            sum += r.payoff;
            sumSquares += r.payoff * r.payoff;
            volatility += r.volatility;
        }
        double mean = sum / paths;
        double standardError = Math.sqrt(Math.max(0, sumSquares / paths - mean * mean) / paths);
        double discount = Math.exp(-RATE * YEARS);
        double price = discount * mean;
        double exact = blackScholesCall(SPOT, STRIKE, RATE, sigma, YEARS);
        volatility /= paths;
        boolean ok = Math.abs(price - exact) <= 4 * discount * standardError
                && Math.abs(volatility - sigma) <= 0.02 * sigma;
        return Check.of(ok, String.format("price %.4f, Black-Scholes %.4f, standard error %.4f, volatility %.4f of %.4f",
                price, exact, discount * standardError, volatility, sigma));
    }

    /** One risk-neutral path of geometric Brownian motion, stored, then summarized. */
    static PathResult simulate(int task, double sigma) {
        Random random = new Random(7_000_003L * task + 11);
        double dt = YEARS / STEPS;
        double drift = (RATE - sigma * sigma / 2) * dt;
        double shock = sigma * Math.sqrt(dt);
        double[] prices = new double[STEPS + 1];
        prices[0] = SPOT;
        for (int s = 1; s <= STEPS; s++) prices[s] = prices[s - 1] * Math.exp(drift + shock * random.nextGaussian());
        // The path's own volatility estimate, from its log returns, as the original derives per-path statistics.
        double sum = 0;
        double sumSquares = 0;
        for (int s = 1; s <= STEPS; s++) {
            double r = Math.log(prices[s] / prices[s - 1]);
            sum += r;
            sumSquares += r * r;
        }
        double variance = (sumSquares - sum * sum / STEPS) / (STEPS - 1);
        return new PathResult(task, Math.max(prices[STEPS] - STRIKE, 0), Math.sqrt(variance / dt));
    }

    /** Volatility estimated from a synthetic history of 2000 daily prices (true volatility 0.25). */
    static double estimateVolatility() {
        Random random = new Random(20250101L);
        double dt = 1.0 / 250;
        double price = SPOT;
        double sum = 0;
        double sumSquares = 0;
        int days = 2000;
        for (int d = 0; d < days; d++) {
            double next = price * Math.exp((0.08 - 0.25 * 0.25 / 2) * dt + 0.25 * Math.sqrt(dt) * random.nextGaussian());
            double r = Math.log(next / price);
            sum += r;
            sumSquares += r * r;
            price = next;
        }
        double variance = (sumSquares - sum * sum / days) / (days - 1);
        return Math.sqrt(variance / dt);
    }

    static double blackScholesCall(double spot, double strike, double rate, double sigma, double years) {
        double d1 = (Math.log(spot / strike) + (rate + sigma * sigma / 2) * years) / (sigma * Math.sqrt(years));
        double d2 = d1 - sigma * Math.sqrt(years);
        return spot * normalCdf(d1) - strike * Math.exp(-rate * years) * normalCdf(d2);
    }

    /** Standard normal distribution function, from erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-z * z);
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
