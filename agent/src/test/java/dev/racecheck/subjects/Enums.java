package dev.racecheck.subjects;

import java.util.EnumMap;
import java.util.Map;

/** Enums: constructors with fields, constant bodies, switches (javac's $SwitchMap class), values(), EnumMap. */
public class Enums {
    enum Planet {
        MERCURY(3.303e+23, 2.4397e6),
        EARTH(5.976e+24, 6.37814e6) {
            @Override
            String greet() {
                visits++;
                return "home";
            }
        },
        JUPITER(1.9e+27, 7.1492e7);

        final double mass;
        final double radius;
        int visits;
        static int count;

        Planet(double mass, double radius) {
            this.mass = mass;
            this.radius = radius;
        }

        double gravity() {
            return 6.67300E-11 * mass / (radius * radius);
        }

        String greet() {
            visits++;
            count++;
            return "hello " + name().toLowerCase();
        }
    }

    enum Op {
        ADD {
            @Override
            long apply(long a, long b) {
                return a + b;
            }
        },
        MUL {
            @Override
            long apply(long a, long b) {
                return a * b;
            }
        };

        abstract long apply(long a, long b);
    }

    static String kind(Planet p) {
        switch (p) { // a switch on an enum of another class: a synthetic $SwitchMap array, filled in a static initializer
            case MERCURY:
                return "small";
            case EARTH:
                return "ours";
            default:
                return "giant";
        }
    }

    static int arrow(Op op) {
        return switch (op) {
            case ADD -> 1;
            case MUL -> 2;
        };
    }

    public static String run() {
        Map<Planet, String> kinds = new EnumMap<>(Planet.class);
        StringBuilder out = new StringBuilder();
        for (Planet p : Planet.values()) {
            kinds.put(p, kind(p));
            out.append(p.greet()).append(' ').append(String.format("%.3f", p.gravity())).append(' ');
        }
        Planet.valueOf("EARTH").greet();
        for (Op op : Op.values()) out.append(op).append(op.apply(6, 7)).append(arrow(op)).append(' ');
        return out + kinds.toString() + " " + Planet.EARTH.visits + " " + Planet.count + " " + Planet.EARTH.getClass().getSuperclass().getSimpleName();
    }
}
