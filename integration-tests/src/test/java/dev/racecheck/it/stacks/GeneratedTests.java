package dev.racecheck.it.stacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the sources of the test classes {@link FrameworkSuite} runs: {@code classes} classes of {@code methods} test
 * methods each, every one a method of its own (so a new frame and new call paths under the framework's stack), every
 * {@value #RACE_EVERY}th of them also running {@link FrameworkSuite#race}.
 */
public final class GeneratedTests {
    static final String PACKAGE = "dev.racecheck.it.stacks.generated";
    static final int RACE_EVERY = 250;

    private GeneratedTests() {
    }

    /** {@code GeneratedTests DIR CLASSES METHODS}: writes the sources under DIR, prints the class names. */
    public static void main(String[] args) {
        for (String name : write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]))) {
            System.out.println(name);
        }
    }

    /** Writes the sources under {@code dir} (in their package's directories); returns the classes' binary names. */
    static List<String> write(Path dir, int classes, int methods) {
        List<String> names = new ArrayList<>();
        Path pkg = dir.resolve(PACKAGE.replace('.', '/'));
        try {
            Files.createDirectories(pkg);
            int test = 0;
            for (int c = 0; c < classes; c++) {
                String simple = String.format("Tests%03d", c);
                StringBuilder src = new StringBuilder();
                src.append("package ").append(PACKAGE).append(";\n\n")
                        .append("import dev.racecheck.it.stacks.FrameworkSuite;\n\n")
                        .append("public class ").append(simple).append(" {\n")
                        .append("    private int seen;\n");
                for (int m = 0; m < methods; m++, test++) {
                    src.append(String.format("%n    public void test%05d() throws Exception {%n", test))
                            .append("        seen++;\n")
                            .append("        FrameworkSuite.touch(").append(test).append(");\n");
                    if (test % RACE_EVERY == RACE_EVERY - 1) src.append("        FrameworkSuite.race();\n");
                    src.append("    }\n");
                }
                src.append("}\n");
                Files.writeString(pkg.resolve(simple + ".java"), src);
                names.add(PACKAGE + "." + simple);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
