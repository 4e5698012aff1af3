package dev.racecheck.bench.workloads;

import java.util.Random;
import java.util.concurrent.CyclicBarrier;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Java Grande section 3 "MolDyn": molecular dynamics of 4 * size^3 argon-like particles (Lennard-Jones, reduced
 * units, density 0.8442, temperature 0.722) in a cubic box with periodic boundaries, started on an fcc lattice and
 * integrated with velocity Verlet for 50 steps (as JGF). Forces are all-pairs with a cut-off at 2.5: each thread takes the
 * particles i = part (mod threads) and the pairs (i, j > i), accumulating into its own force arrays; after a
 * barrier each thread sums all threads' forces for its own block of particles and moves them. Three barrier phases
 * per step; positions are read by every thread.
 *
 * <p>Check: total energy (kinetic plus shifted potential) is conserved to 0.5%, and total momentum stays zero.
 */
public final class MolDyn {
    /** JGF size A (2,048 particles). */
    public static final int DEFAULT_SIZE = 8;
    /** JGF's movemx. */
    static final int STEPS = 50;
    private static final double DENSITY = 0.8442;
    private static final double TEMPERATURE = 0.722;
    private static final double DT = 0.004;
    private static final double CUTOFF = 2.5;

    private MolDyn() {
    }

    public static void main(String[] args) {
        Harness.main("moldyn", args, DEFAULT_SIZE, MolDyn::run);
    }

    public static Check run(int cells, int threads) throws InterruptedException {
        int n = 4 * cells * cells * cells;
        double side = Math.cbrt(n / DENSITY);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] vx = new double[n];
        double[] vy = new double[n];
        double[] vz = new double[n];
        double[] ax = new double[n];
        double[] ay = new double[n];
        double[] az = new double[n];
        lattice(cells, side, x, y, z);
        velocities(n, vx, vy, vz);

        double[][] fx = new double[threads][n];
        double[][] fy = new double[threads][n];
        double[][] fz = new double[threads][n];
        double[] potential = new double[threads];
        double[] kinetic = new double[threads];
        double[] startEnergy = new double[threads];
        CyclicBarrier barrier = new CyclicBarrier(threads);

        Harness.parallel(threads, "moldyn", part -> {
            int lo = Harness.from(part, threads, n);
            int hi = Harness.from(part + 1, threads, n);
            potential[part] = forces(part, threads, n, side, x, y, z, fx[part], fy[part], fz[part]);
            barrier.await();
            double k = 0;
            for (int i = lo; i < hi; i++) {
                ax[i] = sum(fx, i);
                ay[i] = sum(fy, i);
                az[i] = sum(fz, i);
                k += 0.5 * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
            }
            startEnergy[part] = k + potential[part];
            barrier.await();
            for (int step = 0; step < STEPS; step++) {
                for (int i = lo; i < hi; i++) {
                    x[i] += vx[i] * DT + 0.5 * ax[i] * DT * DT;
                    y[i] += vy[i] * DT + 0.5 * ay[i] * DT * DT;
                    z[i] += vz[i] * DT + 0.5 * az[i] * DT * DT;
                }
                barrier.await();
                potential[part] = forces(part, threads, n, side, x, y, z, fx[part], fy[part], fz[part]);
                barrier.await();
                k = 0;
                for (int i = lo; i < hi; i++) {
                    double nx = sum(fx, i);
                    double ny = sum(fy, i);
                    double nz = sum(fz, i);
                    vx[i] += 0.5 * (ax[i] + nx) * DT;
                    vy[i] += 0.5 * (ay[i] + ny) * DT;
                    vz[i] += 0.5 * (az[i] + nz) * DT;
                    ax[i] = nx;
                    ay[i] = ny;
                    az[i] = nz;
                    k += 0.5 * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
                }
                kinetic[part] = k;
                barrier.await();
            }
        });

        double start = 0;
        double end = 0;
        for (int t = 0; t < threads; t++) {
            start += startEnergy[t];
            end += kinetic[t] + potential[t];
        }
        double px = 0;
        double py = 0;
        double pz = 0;
        for (int i = 0; i < n; i++) {
            px += vx[i];
            py += vy[i];
            pz += vz[i];
        }
        double momentum = Math.sqrt(px * px + py * py + pz * pz) / n;
        double drift = Math.abs(end - start) / Math.abs(start);
        boolean ok = drift < 5e-3 && momentum < 1e-9;
        return Check.of(ok, String.format("%d particles, energy per particle %.6f -> %.6f (drift %.2e), momentum %.1e",
                n, start / n, end / n, drift, momentum));
    }

    /** Forces of the pairs (i, j > i) with i = part (mod threads) into this thread's arrays; returns their potential energy. */
    private static double forces(int part, int threads, int n, double side, double[] x, double[] y, double[] z,
            double[] fx, double[] fy, double[] fz) {
        java.util.Arrays.fill(fx, 0);
        java.util.Arrays.fill(fy, 0);
        java.util.Arrays.fill(fz, 0);
        double cut2 = CUTOFF * CUTOFF;
        double shift = 4 * (Math.pow(CUTOFF, -12) - Math.pow(CUTOFF, -6));
        double energy = 0;
        for (int i = part; i < n; i += threads) {
            double xi = x[i];
            double yi = y[i];
            double zi = z[i];
            double fxi = 0;
            double fyi = 0;
            double fzi = 0;
            for (int j = i + 1; j < n; j++) {
                double dx = xi - x[j];
                double dy = yi - y[j];
                double dz = zi - z[j];
                dx -= side * Math.rint(dx / side);
                dy -= side * Math.rint(dy / side);
                dz -= side * Math.rint(dz / side);
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= cut2) continue;
                double inv2 = 1 / r2;
                double inv6 = inv2 * inv2 * inv2;
                energy += 4 * inv6 * (inv6 - 1) - shift;
                double f = 24 * inv2 * inv6 * (2 * inv6 - 1);
                fxi += f * dx;
                fyi += f * dy;
                fzi += f * dz;
                fx[j] -= f * dx;
                fy[j] -= f * dy;
                fz[j] -= f * dz;
            }
            fx[i] += fxi;
            fy[i] += fyi;
            fz[i] += fzi;
        }
        return energy;
    }

    private static double sum(double[][] perThread, int i) {
        double s = 0;
        for (double[] f : perThread) s += f[i];
        return s;
    }

    /** Face-centred cubic lattice: four particles per cubic cell. */
    private static void lattice(int cells, double side, double[] x, double[] y, double[] z) {
        double a = side / cells;
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int p = 0;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                for (int k = 0; k < cells; k++) {
                    for (double[] b : basis) {
                        x[p] = (i + b[0] + 0.25) * a;
                        y[p] = (j + b[1] + 0.25) * a;
                        z[p] = (k + b[2] + 0.25) * a;
                        p++;
                    }
                }
            }
        }
    }

    /** Gaussian velocities without centre-of-mass motion, scaled to the temperature. */
    private static void velocities(int n, double[] vx, double[] vy, double[] vz) {
        Random random = new Random(4711L);
        double[][] v = {vx, vy, vz};
        double squares = 0;
        for (double[] c : v) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                c[i] = random.nextGaussian();
                mean += c[i];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                c[i] -= mean;
                squares += c[i] * c[i];
            }
        }
        double scale = Math.sqrt(3 * n * TEMPERATURE / squares);
        for (double[] c : v) {
            for (int i = 0; i < n; i++) c[i] *= scale;
        }
    }
}
