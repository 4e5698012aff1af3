package dev.racecheck.cli.report;

import dev.racecheck.cli.BadInputException;
import dev.racecheck.reports.Frame;
import dev.racecheck.reports.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourcePathTest {

    @TempDir
    Path dir;

    private Path write(String root, String relative, String text) throws IOException {
        Path file = dir.resolve(root).resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void findsTheFileByPackageAndFileNameInTheFirstRootThatHasIt() throws IOException {
        write("main", "demo/Other.java", "x");
        write("test", "demo/Counter.java", "line one\nline two\n");
        write("later", "demo/Counter.java", "shadowed\n");
        SourcePath path = SourcePath.of(List.of(dir.resolve("main") + File.pathSeparator + dir.resolve("test"),
                dir.resolve("later").toString()));
        assertEquals(3, path.roots().size());

        // A nested class's frame names the outer file.
        SourceFile f = path.find(new Frame("demo.Counter$Inner", "run", "Counter.java", 2)).orElseThrow();
        assertEquals(List.of("line one", "line two"), f.lines());
        assertEquals("line two", f.line(2));
        assertEquals(dir.resolve("test/demo/Counter.java").toString().replace(File.separatorChar, '/'), f.path());
    }

    @Test
    void nothingForMissingFilesFramesWithoutFileOrAnEmptyPath() throws IOException {
        write("src", "Top.java", "class Top {}\n");
        SourcePath path = SourcePath.of(List.of(dir.resolve("src").toString()));
        assertEquals(Optional.empty(), path.find(new Frame("demo.Nowhere", "run", "Nowhere.java", 1)));
        assertEquals(Optional.empty(), path.find(new Frame("demo.Gen", "run", null, 1)));
        assertEquals("class Top {}", path.find(new Frame("Top", "main", "Top.java", 1)).orElseThrow().line(1),
                "the default package is the root itself");
        assertEquals(Optional.empty(), SourcePath.of(List.of()).find(new Frame("Top", "main", "Top.java", 1)));
    }

    @Test
    void notUtf8FallsBackToLatin1() throws IOException {
        Path file = dir.resolve("src/demo/Old.java");
        Files.createDirectories(file.getParent());
        Files.write(file, "// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        SourcePath path = SourcePath.of(List.of(dir.resolve("src").toString()));
        assertEquals("// caf\u00e9", path.find(new Frame("demo.Old", "m", "Old.java", 1)).orElseThrow().line(1));
    }

    @Test
    void aRootThatIsNoDirectoryIsBadInput() throws IOException {
        Path file = write("src", "A.java", "");
        BadInputException e = assertThrows(BadInputException.class, () -> SourcePath.of(List.of(file.toString())));
        assertEquals("--source-path: " + file + " is not a directory", e.getMessage());
        e = assertThrows(BadInputException.class, () -> SourcePath.of(List.of(dir.resolve("nope").toString())));
        assertTrue(e.getMessage().endsWith(": no such directory"), e.getMessage());
    }

    @Test
    void formatsByFileName() {
        assertEquals(ReportFormat.SARIF, ReportFormat.byFileName(Path.of("out/r.sarif.json")));
        assertEquals(ReportFormat.JSON, ReportFormat.byFileName(Path.of("r.JSON")));
        assertEquals(ReportFormat.JUNIT, ReportFormat.byFileName(Path.of("TEST-r.xml")));
        assertEquals(ReportFormat.HTML, ReportFormat.byFileName(Path.of("r.htm")));
        assertEquals(ReportFormat.TEXT, ReportFormat.byFileName(Path.of("r.txt")));
        assertEquals(null, ReportFormat.byFileName(Path.of("r.pdf")));
        assertEquals("text, json, sarif, junit or html", ReportFormat.names());
    }
}
