package dev.racecheck.subjects;

import java.util.ArrayList;
import java.util.List;

/** Interfaces with default, static and private methods, constants, and diamond resolution. */
public class Defaults {
    interface Shape {
        List<String> CREATED = new ArrayList<>();

        double area();

        default String describe() {
            CREATED.add(name());
            return name() + "=" + round(area());
        }

        default String name() {
            return getClass().getSimpleName();
        }

        static String round(double d) {
            return String.format("%.2f", d);
        }

        private String secret() {
            return "secret of " + name();
        }

        default String reveal() {
            return secret();
        }
    }

    interface Named {
        default String name() {
            return "named";
        }
    }

    static final class Circle implements Shape {
        double r;

        Circle(double r) {
            this.r = r;
        }

        @Override
        public double area() {
            return Math.PI * r * r;
        }
    }

    static final class Square implements Shape, Named {
        long side;

        Square(long side) {
            this.side = side;
        }

        @Override
        public double area() {
            return side * side;
        }

        @Override
        public String name() {
            return Named.super.name() + "+" + Shape.super.name(); // invokespecial of interface methods
        }
    }

    public static String run() {
        List<Shape> shapes = List.of(new Circle(1.5), new Square(3), () -> 2.0);
        StringBuilder out = new StringBuilder();
        for (Shape s : shapes) out.append(s.describe().replaceAll("\\$\\$Lambda.*=", "lambda=")).append(' ');
        out.append(shapes.get(1).reveal()).append(' ').append(Shape.CREATED.size());
        return out.toString();
    }
}
