package dev.racecheck.it.jdkmodel;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads and initializes every class of the java.base packages the JDK model hooks (with {@code
 * -XX:+BytecodeVerificationLocal} the JVM verifies each as it loads, those the agent retransformed at its start too),
 * and prints one line per class that failed to verify, then how many loaded.
 */
public final class LoadModelledClasses {
    static final String[] PACKAGES = {"java/lang", "java/lang/invoke", "java/util", "java/util/concurrent",
        "java/util/concurrent/atomic", "java/util/concurrent/locks", "java/security", "jdk/internal/loader"};

    public static void main(String[] args) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<String> names = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.list(jrt.getPath("/modules/java.base/" + pkg))) {
                files.map(Path::toString).filter(f -> f.endsWith(".class"))
                        .map(f -> f.substring("/modules/java.base/".length(), f.length() - ".class".length())
                                .replace('/', '.'))
                        .forEach(names::add);
            }
        }
        int loaded = 0;
        int failed = 0;
        for (String name : names) {
            try {
                Class.forName(name, true, null);
                loaded++;
            } catch (VerifyError | ClassFormatError e) {
                System.out.println("NOT VERIFIED " + name + ": " + e);
                failed++;
            } catch (Throwable e) {
                // a class that cannot be initialized here (it needs a platform feature): not the model's doing
            }
        }
        System.out.println("loaded " + loaded + " classes, " + failed + " failed verification");
    }
}
