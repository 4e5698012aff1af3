package dev.racecheck.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** samples/maven-demo is a project of its own, so it names the plugin version literally: keep it this build's. */
class DemoPomTest {
    @Test
    void demoUsesThisPluginVersion() throws Exception {
        String pom = Files.readString(Path.of(System.getProperty("racecheck.demo.pom")), StandardCharsets.UTF_8);
        String version = System.getProperty("racecheck.version");
        String plugin = "<artifactId>racecheck-maven-plugin</artifactId>\n        <version>" + version + "</version>";
        assertTrue(pom.contains(plugin), "samples/maven-demo/pom.xml should use racecheck-maven-plugin " + version);
    }
}
