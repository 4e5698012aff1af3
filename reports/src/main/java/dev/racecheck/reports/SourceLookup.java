package dev.racecheck.reports;

import java.util.Optional;

/**
 * Finds the source file of a stack frame, so that renderers can show the racy lines (HTML) and point to the file as
 * it lies in the project (SARIF). The reports module does no I/O itself: the command-line tool implements this over
 * its {@code --source-path} directories.
 */
@FunctionalInterface
public interface SourceLookup {

    /** Finds nothing: renderers then show stacks without source lines. */
    SourceLookup NONE = frame -> Optional.empty();

    /** The source file of {@code frame}, or empty when it is not found (or the frame names no file). */
    Optional<SourceFile> find(Frame frame);

    /**
     * Where a frame's source file lies below a source root, by Java's convention: the package of the frame's class
     * as directories, then the frame's file name ({@code demo.Outer$Inner} in {@code Outer.java} gives
     * {@code demo/Outer.java}); {@code null} when the frame names no file.
     */
    static String relativePath(Frame frame) {
        if (frame.fileName() == null || frame.fileName().isEmpty()) return null;
        String cls = frame.className();
        int dot = cls.lastIndexOf('.');
        return dot < 0 ? frame.fileName() : cls.substring(0, dot).replace('.', '/') + "/" + frame.fileName();
    }
}
