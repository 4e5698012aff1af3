package dev.racecheck.bench.workloads;

import java.util.ArrayList;
import java.util.List;

import dev.racecheck.bench.workloads.Harness.Check;

/**
 * Java Grande section 3 "RayTracer": renders a {@code size} x {@code size} image of a scene of 64 reflective
 * spheres in a 4 x 4 x 4 grid, lit by two point lights, with shadow rays and up to three reflections. Rows are
 * dealt to threads cyclically; the scene (objects with plain, non-final fields) is built by the main thread and
 * read by all; every thread writes only its own rows of the image. Object-oriented style: small vector objects are
 * allocated for rays, hit points, normals and colours, as in the original.
 *
 * <p>Check: every eighth row is rendered again on the main thread and must match (each channel within 1, since
 * Math.pow may differ in the last bit between interpreted and compiled code); the image must not be blank.
 */
public final class RayTracer {
    /** JGF size A. */
    public static final int DEFAULT_SIZE = 150;
    private static final int MAX_DEPTH = 3;

    private RayTracer() {
    }

    /** A 3-vector; the methods return new vectors. */
    static final class Vec {
        double x;
        double y;
        double z;

        Vec(double x, double y, double z) {
            this.x = x;
            this.y = y;
            this.z = z;
        }

        Vec plus(Vec o) {
            return new Vec(x + o.x, y + o.y, z + o.z);
        }

        Vec minus(Vec o) {
            return new Vec(x - o.x, y - o.y, z - o.z);
        }

        Vec times(double k) {
            return new Vec(x * k, y * k, z * k);
        }

        double dot(Vec o) {
            return x * o.x + y * o.y + z * o.z;
        }

        Vec normalized() {
            return times(1 / Math.sqrt(dot(this)));
        }
    }

    static final class Sphere {
        Vec center;
        double radius;
        Vec color;
        double reflection;

        Sphere(Vec center, double radius, Vec color, double reflection) {
            this.center = center;
            this.radius = radius;
            this.color = color;
            this.reflection = reflection;
        }

        /** Distance along the unit ray (o, d) to the nearest hit in front, or +infinity. */
        double hit(Vec o, Vec d) {
            double ox = o.x - center.x;
            double oy = o.y - center.y;
            double oz = o.z - center.z;
            double b = ox * d.x + oy * d.y + oz * d.z;
            double c = ox * ox + oy * oy + oz * oz - radius * radius;
            double disc = b * b - c;
            if (disc < 0) return Double.POSITIVE_INFINITY;
            double root = Math.sqrt(disc);
            double t = -b - root;
            if (t > 1e-6) return t;
            t = -b + root;
            return t > 1e-6 ? t : Double.POSITIVE_INFINITY;
        }
    }

    static final class Scene {
        List<Sphere> spheres = new ArrayList<>();
        List<Vec> lights = new ArrayList<>();
        Vec eye = new Vec(0, 0, -12);
    }

    public static void main(String[] args) {
        Harness.main("raytracer", args, DEFAULT_SIZE, RayTracer::run);
    }

    public static Check run(int size, int threads) throws InterruptedException {
        Scene scene = scene();
        int[][] image = new int[size][size];
        Harness.parallel(threads, "raytracer", part -> {
            for (int y = part; y < size; y += threads) image[y] = renderRow(scene, y, size);
        });
        long checksum = 0;
        int distinct = 0;
        int first = image.length > 0 ? image[0][0] : 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                checksum += image[y][x];
                if (image[y][x] != first) distinct++;
            }
        }
        for (int y = 0; y < size; y += 8) {
            int[] again = renderRow(scene, y, size);
            for (int x = 0; x < size; x++) {
                if (!near(again[x], image[y][x])) return Check.of(false, "pixel (" + x + ", " + y + ") differs when rendered again");
            }
        }
        return Check.of(size == 0 || distinct > size, "checksum " + checksum + ", " + distinct + " pixels unlike the corner");
    }

    static Scene scene() {
        Scene s = new Scene();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    Vec center = new Vec(-4.5 + 3 * i, -4.5 + 3 * j, 3 * k);
                    Vec color = new Vec(0.3 + 0.2 * i, 0.3 + 0.2 * j, 0.3 + 0.2 * k);
                    s.spheres.add(new Sphere(center, 1.1, color, (i + j + k) % 3 == 0 ? 0.5 : 0.15));
                }
            }
        }
        s.lights.add(new Vec(-20, 30, -25));
        s.lights.add(new Vec(25, 15, -10));
        return s;
    }

    static int[] renderRow(Scene scene, int y, int size) {
        int[] row = new int[size];
        for (int x = 0; x < size; x++) {
            Vec target = new Vec((x - size / 2.0) * 16.0 / size, (size / 2.0 - y) * 16.0 / size, 0);
            Vec color = trace(scene, scene.eye, target.minus(scene.eye).normalized(), 0);
            row[x] = rgb(color);
        }
        return row;
    }

    private static Vec trace(Scene scene, Vec origin, Vec direction, int depth) {
        Sphere nearest = null;
        double distance = Double.POSITIVE_INFINITY;
        for (Sphere s : scene.spheres) {
            double t = s.hit(origin, direction);
            if (t < distance) {
                distance = t;
                nearest = s;
            }
        }
        if (nearest == null) return new Vec(0.05, 0.05, 0.1);
        Vec point = origin.plus(direction.times(distance));
        Vec normal = point.minus(nearest.center).normalized();
        Vec color = nearest.color.times(0.1);
        for (Vec light : scene.lights) {
            Vec toLight = light.minus(point);
            double lightDistance = Math.sqrt(toLight.dot(toLight));
            toLight = toLight.times(1 / lightDistance);
            double lambert = normal.dot(toLight);
            if (lambert <= 0 || shadowed(scene, point, toLight, lightDistance)) continue;
            color = color.plus(nearest.color.times(0.6 * lambert));
            Vec halfway = toLight.minus(direction).normalized();
            double specular = Math.pow(Math.max(0, normal.dot(halfway)), 30);
            color = color.plus(new Vec(specular, specular, specular).times(0.4));
        }
        if (depth < MAX_DEPTH && nearest.reflection > 0) {
            Vec reflected = direction.minus(normal.times(2 * direction.dot(normal)));
            color = color.plus(trace(scene, point, reflected, depth + 1).times(nearest.reflection));
        }
        return color;
    }

    private static boolean shadowed(Scene scene, Vec point, Vec toLight, double lightDistance) {
        for (Sphere s : scene.spheres) {
            if (s.hit(point, toLight) < lightDistance) return true;
        }
        return false;
    }

    private static boolean near(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)) > 1) return false;
        }
        return true;
    }

    private static int rgb(Vec c) {
        return channel(c.x) << 16 | channel(c.y) << 8 | channel(c.z);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
}
