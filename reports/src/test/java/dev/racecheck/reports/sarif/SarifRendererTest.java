package dev.racecheck.reports.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.racecheck.reports.Fingerprint;
import dev.racecheck.reports.RaceReport;
import dev.racecheck.reports.Samples;
import dev.racecheck.reports.SourceFile;
import dev.racecheck.reports.SourceLookup;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SARIF output against the official SARIF 2.1.0 JSON schema (see src/test/resources/sarif/README.md for where
 * it came from), and its content against what GitHub code scanning and SARIF viewers use.
 */
class SarifRendererTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Schema schema;

    private static final RaceReport TWO_RACES = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0",
            "demo.RaceCounter", List.of(Samples.counterRace(), Samples.staticRace()), 66);
    private static final RaceReport ODD_RACES = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0-SNAPSHOT", null,
            List.of(Samples.arrayRace()), null);
    private static final RaceReport CONTAINER_RACE = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0",
            "demo.Registry", List.of(Samples.containerRace()), 66);
    private static final RaceReport NO_RACES = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0", "demo.Clean",
            List.of(), 0);
    private static final RaceReport DEADLOCKS_AND_PREDICTED = new RaceReport(RaceReport.FORMAT_VERSION, "0.1.0",
            "bank.Bank", List.of(Samples.predictedRace(), Samples.raceInATest()),
            List.of(Samples.potentialDeadlock(), Samples.actualDeadlock()), 66);

    /** Finds demo/Counter.java under src/main/java, with 20 numbered lines. */
    private static final SourceLookup COUNTER_SOURCES = frame -> {
        if (!"demo/Counter.java".equals(SourceLookup.relativePath(frame))) return Optional.empty();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) lines.add("    line " + i + ";");
        return Optional.of(new SourceFile("src/main/java/demo/Counter.java", lines));
    };

    @BeforeAll
    static void loadSchema() throws IOException {
        // Format assertions on: "uri" and "uri-reference" values must really be URIs.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = SarifRendererTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema is missing from the test class path");
            schema = registry.getSchema(in);
        }
    }

    private static List<Error> errors(String sarif) {
        return schema.validate(sarif, InputFormat.JSON);
    }

    private static String sarif(RaceReport report, SourceLookup sources) throws IOException {
        StringWriter out = new StringWriter();
        SarifRenderer.render(report, sources, out);
        return out.toString();
    }

    private static JsonNode tree(RaceReport report, SourceLookup sources) throws IOException {
        return JSON.readTree(sarif(report, sources));
    }

    @Test
    void validatesAgainstTheOfficialSchema() throws IOException {
        for (RaceReport report : List.of(TWO_RACES, ODD_RACES, CONTAINER_RACE, NO_RACES, DEADLOCKS_AND_PREDICTED)) {
            for (SourceLookup sources : List.of(SourceLookup.NONE, COUNTER_SOURCES)) {
                String sarif = sarif(report, sources);
                assertEquals(List.of(), errors(sarif), sarif);
            }
        }
    }

    @Test
    void theSchemaRejectsInvalidDocuments() throws IOException {
        // Each mutation breaks one rule of the schema; the validator must notice, or the test above proves nothing.
        assertInvalid(root -> root.remove("version"), "required");
        assertInvalid(root -> root.put("version", "2.0.0"), "enum");
        assertInvalid(root -> result(root).put("level", "fatal"), "enum");
        assertInvalid(root -> region(root).put("startLine", 0), "minimum");
        assertInvalid(root -> result(root).put("occurrenceCount", 0), "minimum");
        assertInvalid(root -> result(root).putArray("codeFlows").addObject().putArray("threadFlows"), "minItems");
        assertInvalid(root -> result(root).put("unknownProperty", true), "additionalProperties");
        assertInvalid(root -> ((ObjectNode) result(root).path("locations").get(0).path("physicalLocation")
                .path("artifactLocation")).put("uri", "has spaces and %zz"), "format");
    }

    private static ObjectNode result(ObjectNode root) {
        return (ObjectNode) root.path("runs").get(0).path("results").get(0);
    }

    private static ObjectNode region(ObjectNode root) {
        return (ObjectNode) result(root).path("locations").get(0).path("physicalLocation").path("region");
    }

    private static void assertInvalid(Consumer<ObjectNode> breakIt, String keyword) throws IOException {
        ObjectNode root = (ObjectNode) tree(TWO_RACES, SourceLookup.NONE);
        breakIt.accept(root);
        List<Error> errors = errors(JSON.writeValueAsString(root));
        assertFalse(errors.isEmpty(), "the schema accepted a document broken by " + keyword);
        assertTrue(errors.stream().anyMatch(e -> keyword.equals(e.getKeyword())),
                "expected a " + keyword + " error: " + errors);
    }

    @Test
    void toolAndRule() throws IOException {
        JsonNode run = tree(TWO_RACES, SourceLookup.NONE).path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("racecheck", driver.path("name").asString());
        assertEquals("0.1.0", driver.path("version").asString());
        assertEquals(SarifRenderer.INFORMATION_URI, driver.path("informationUri").asString());
        assertEquals(3, driver.path("rules").size());
        assertEquals("racecheck/potential-deadlock", driver.path("rules").get(1).path("id").asString());
        assertEquals("racecheck/deadlock", driver.path("rules").get(2).path("id").asString());
        assertEquals("racecheck/data-race", driver.path("rules").get(0).path("id").asString());
        assertEquals("error", driver.path("rules").get(0).path("defaultConfiguration").path("level").asString());
        assertEquals(66, run.path("invocations").get(0).path("exitCode").asInt());
        assertEquals("demo.RaceCounter", run.path("invocations").get(0).path("commandLine").asString());
        assertEquals(2, run.path("results").size(), "one result per race");
    }

    @Test
    void resultNamesTheVariableAndBothAccesses() throws IOException {
        JsonNode result = tree(TWO_RACES, SourceLookup.NONE).path("runs").get(0).path("results").get(0);
        assertEquals("racecheck/data-race", result.path("ruleId").asString());
        assertEquals(0, result.path("ruleIndex").asInt());
        assertEquals("error", result.path("level").asString());
        assertEquals("Data race on field demo.Counter.value: write by thread \"worker-2\" (T3) at "
                        + "demo.Counter.next(Counter.java:12) conflicts with a [previous read](1) by thread \"worker-1\" "
                        + "(T2) at demo.Counter.next(Counter.java:11); no happens-before edge orders the two.",
                result.path("message").path("text").asString());
    }

    @Test
    void bothAccessesAreLocationsWithSourcePathsAndLines() throws IOException {
        JsonNode result = tree(TWO_RACES, SourceLookup.NONE).path("runs").get(0).path("results").get(0);
        JsonNode current = result.path("locations").get(0);
        assertEquals("demo/Counter.java",
                current.path("physicalLocation").path("artifactLocation").path("uri").asString());
        assertEquals(12, current.path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals("demo.Counter.next", current.path("logicalLocations").get(0).path("fullyQualifiedName").asString());

        JsonNode previous = result.path("relatedLocations").get(0);
        assertEquals(1, previous.path("id").asInt(), "the message's [previous read](1) link points here");
        assertEquals(11, previous.path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals("Previous read of field demo.Counter.value by thread \"worker-1\" (T2)",
                previous.path("message").path("text").asString());
    }

    @Test
    void bothStacksAreThreadFlowsOutermostFrameFirst() throws IOException {
        JsonNode result = tree(TWO_RACES, SourceLookup.NONE).path("runs").get(0).path("results").get(0);
        JsonNode threadFlows = result.path("codeFlows").get(0).path("threadFlows");
        assertEquals(2, threadFlows.size());
        JsonNode current = threadFlows.get(0);
        assertEquals("T3", current.path("id").asString());
        assertEquals("Write by thread \"worker-2\" (T3)", current.path("message").path("text").asString());
        assertEquals("worker-2", current.path("properties").path("threadName").asString());
        assertEquals("T2", threadFlows.get(1).path("id").asString());
        assertEquals("worker-1", threadFlows.get(1).path("properties").path("threadName").asString());

        // Execution order: Thread.run, then the lambda, then the racy line.
        JsonNode locations = current.path("locations");
        assertEquals(3, locations.size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            JsonNode l = locations.get(i);
            assertEquals(i, l.path("nestingLevel").asInt());
            names.add(l.path("location").path("logicalLocations").get(0).path("fullyQualifiedName").asString());
        }
        assertEquals(List.of("java.lang.Thread.run", "demo.RaceCounter.lambda$main$0", "demo.Counter.next"), names);
        assertEquals("unimportant", locations.get(0).path("importance").asString());
        assertEquals("essential", locations.get(2).path("importance").asString());
        assertEquals("java/lang/Thread.java", locations.get(0).path("location").path("physicalLocation")
                .path("artifactLocation").path("uri").asString());
    }

    @Test
    void stacksInnermostFirstIncludingThreadStarts() throws IOException {
        JsonNode stacks = tree(TWO_RACES, SourceLookup.NONE).path("runs").get(0).path("results").get(0).path("stacks");
        assertEquals(4, stacks.size(), "two accesses, two thread starts");
        assertEquals("demo.Counter.next", stacks.get(0).path("frames").get(0).path("location")
                .path("logicalLocations").get(0).path("fullyQualifiedName").asString());
        assertEquals("java.base", stacks.get(0).path("frames").get(2).path("module").asString());
        assertEquals("Thread \"worker-2\" (T3, running) started at", stacks.get(2).path("message").path("text").asString());
    }

    @Test
    void partialFingerprintIsTheReportsFingerprint() throws IOException {
        JsonNode results = tree(TWO_RACES, SourceLookup.NONE).path("runs").get(0).path("results");
        assertEquals(Fingerprint.of(Samples.counterRace()),
                results.get(0).path("partialFingerprints").path("racecheck/v1").asString());
        assertEquals(Fingerprint.of(Samples.staticRace()),
                results.get(1).path("partialFingerprints").path("racecheck/v1").asString());
        assertEquals(3, results.get(1).path("occurrenceCount").asInt());
    }

    @Test
    void foundSourcesGiveTheirPathAndASnippet() throws IOException {
        JsonNode location = tree(TWO_RACES, COUNTER_SOURCES).path("runs").get(0).path("results").get(0)
                .path("locations").get(0).path("physicalLocation");
        assertEquals("src/main/java/demo/Counter.java", location.path("artifactLocation").path("uri").asString());
        assertEquals("    line 12;", location.path("region").path("snippet").path("text").asString());
    }

    @Test
    void oddRacesStillMakeValidResults() throws IOException {
        // Array race: previous stack empty (no thread flow for it), a frame without a file, unknown lines.
        JsonNode result = tree(ODD_RACES, SourceLookup.NONE).path("runs").get(0).path("results").get(0);
        assertEquals(1, result.path("codeFlows").get(0).path("threadFlows").size());
        JsonNode current = result.path("locations").get(0);
        assertTrue(current.path("physicalLocation").isMissingNode(), "Hist.get has no file name");
        assertEquals("demo.Hist.get", current.path("logicalLocations").get(0).path("fullyQualifiedName").asString());
        JsonNode previous = result.path("relatedLocations").get(0);
        assertTrue(previous.path("logicalLocations").isMissingNode());
        assertTrue(result.path("message").path("text").asString().startsWith("Data race on element [3] of int[]: read"));
        JsonNode run = tree(ODD_RACES, SourceLookup.NONE).path("runs").get(0);
        assertTrue(run.path("invocations").get(0).path("exitCode").isMissingNode());
    }

    @Test
    void aContainerRaceIsLocatedAtTheProgramsLinesAndNamesBothOperations() throws IOException {
        JsonNode result = tree(CONTAINER_RACE, SourceLookup.NONE).path("runs").get(0).path("results").get(0);
        assertEquals("Data race on java.util.HashMap: write by thread \"writer\" (T2) in HashMap.put at "
                        + "demo.Registry.add(Registry.java:14) conflicts with a [previous read](1) by thread \"main\" "
                        + "(T1) in HashMap.get at demo.Registry.find(Registry.java:18); no happens-before edge orders "
                        + "the two.", result.path("message").path("text").asString());
        JsonNode current = result.path("locations").get(0);
        assertEquals("demo/Registry.java", current.path("physicalLocation").path("artifactLocation").path("uri")
                .asString());
        assertEquals(14, current.path("physicalLocation").path("region").path("startLine").asInt());
        JsonNode previous = result.path("relatedLocations").get(0);
        assertEquals(18, previous.path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals("Previous read of java.util.HashMap by thread \"main\" (T1) in HashMap.get",
                previous.path("message").path("text").asString());

        // Execution order: Thread.run, the lambda, the racy line, then the operation it called.
        JsonNode locations = result.path("codeFlows").get(0).path("threadFlows").get(0).path("locations");
        assertEquals(4, locations.size());
        assertEquals("demo.Registry.add", locations.get(2).path("location").path("logicalLocations").get(0)
                .path("fullyQualifiedName").asString());
        assertEquals("essential", locations.get(2).path("importance").asString());
        assertEquals("java.util.HashMap.put", locations.get(3).path("location").path("logicalLocations").get(0)
                .path("fullyQualifiedName").asString());
        assertEquals("important", locations.get(3).path("importance").asString());
        assertTrue(locations.get(3).path("location").path("physicalLocation").path("region").isMissingNode(),
                "the operation's frame has no line");
        assertEquals(Fingerprint.of(Samples.containerRace()),
                result.path("partialFingerprints").path("racecheck/v1").asString());
    }

    @Test
    void aPotentialDeadlockLocatesEveryAcquisition() throws IOException {
        JsonNode result = tree(DEADLOCKS_AND_PREDICTED, SourceLookup.NONE).path("runs").get(0).path("results").get(2);
        assertEquals("racecheck/potential-deadlock", result.path("ruleId").asString());
        assertEquals(1, result.path("ruleIndex").asInt());
        assertEquals("Potential deadlock (lock-order inversion): monitor bank.Account@1b6d3586 => monitor"
                + " bank.Account@4554617c => monitor bank.Account@1b6d3586. Thread \"t1\" (T2) acquired [monitor"
                + " bank.Account@4554617c](1) while holding [monitor bank.Account@1b6d3586](2). Thread \"t2\" (T3)"
                + " acquired [monitor bank.Account@1b6d3586](3) while holding [monitor bank.Account@4554617c](4).",
                result.path("message").path("text").asString());
        JsonNode location = result.path("locations").get(0).path("physicalLocation");
        assertEquals("bank/Account.java", location.path("artifactLocation").path("uri").asString());
        assertEquals(14, location.path("region").path("startLine").asInt());
        JsonNode related = result.path("relatedLocations");
        assertEquals(4, related.size(), "each edge's acquired and held lock");
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < related.size(); i++) {
            assertEquals(i + 1, related.get(i).path("id").asInt());
            lines.add(related.get(i).path("physicalLocation").path("region").path("startLine").asInt());
        }
        assertEquals(List.of(14, 12, 14, 12), lines);
        assertEquals("Monitor bank.Account@1b6d3586 acquired by thread \"t1\" (T2)",
                related.get(1).path("message").path("text").asString());
        assertEquals(2, result.path("codeFlows").get(0).path("threadFlows").size(), "one per edge");
        assertEquals(6, result.path("stacks").size(), "two per edge, then the thread starts");
        assertEquals(Fingerprint.of(Samples.potentialDeadlock()),
                result.path("partialFingerprints").path("racecheck/v1").asString());
        assertEquals("potential", result.path("properties").path("kind").asString());
        assertEquals(3, result.path("properties").path("cycle").size());
    }

    @Test
    void anActualDeadlockPointsAtTheProgramsFramesAndSaysWhereThreadsWait() throws IOException {
        JsonNode result = tree(DEADLOCKS_AND_PREDICTED, SourceLookup.NONE).path("runs").get(0).path("results").get(3);
        assertEquals("racecheck/deadlock", result.path("ruleId").asString());
        assertEquals(2, result.path("ruleIndex").asInt());
        assertTrue(result.path("message").path("text").asString().startsWith("Deadlock: threads blocked in the cycle "
                + "java.util.concurrent.locks.ReentrantLock@6d06d69c => write lock of"), result.toString());
        JsonNode related = result.path("relatedLocations");
        assertEquals(4, related.size());
        assertTrue(related.get(1).path("physicalLocation").isMissingNode(), "the loader's hold is not known");
        assertEquals("demo.Cache.evict", related.get(2).path("logicalLocations").get(0).path("fullyQualifiedName")
                .asString(), "the program's frame, not ReentrantLock.lock");
        assertEquals("Thread \"indexer\" (T5) waits for java.util.concurrent.locks.ReentrantLock@6d06d69c while"
                + " holding write lock of java.util.concurrent.locks.ReentrantReadWriteLock@7852e922",
                related.get(2).path("message").path("text").asString());
        JsonNode flow = result.path("codeFlows").get(0).path("threadFlows").get(1).path("locations");
        assertEquals("essential", flow.get(1).path("importance").asString(), "Cache.evict, below lock()");
        assertEquals("unimportant", flow.get(2).path("importance").asString(), "the JDK's lock()");
    }

    @Test
    void aPredictedRaceShowsTheLocksReleaseAndAcquisitionAndItsSeed() throws IOException {
        JsonNode result = tree(DEADLOCKS_AND_PREDICTED, SourceLookup.NONE).path("runs").get(0).path("results").get(0);
        assertEquals("racecheck/data-race", result.path("ruleId").asString());
        String message = result.path("message").path("text").asString();
        assertTrue(message.endsWith("(T2) at demo.Counter.next(Counter.java:11). Predicted: in this run only unrelated"
                + " critical sections on monitor demo.Bank@4554617c ordered the two ([released](2), then"
                + " [acquired](3)); in another schedule they race. Found with schedule seed 42."), message);
        JsonNode related = result.path("relatedLocations");
        assertEquals(3, related.size());
        assertEquals(30, related.get(1).path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals(2, related.get(1).path("id").asInt());
        assertEquals(28, related.get(2).path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals(6, result.path("stacks").size(), "both accesses, release, acquisition, both thread starts");
        assertEquals("monitor demo.Bank@4554617c", result.path("properties").path("predicted").path("lock").asString());
        assertEquals(42, result.path("properties").path("seed").asLong());
        assertEquals(2, result.path("occurrenceCount").asInt());
        JsonNode plain = tree(TWO_RACES, SourceLookup.NONE).path("runs").get(0).path("results").get(0);
        assertTrue(plain.path("properties").path("predicted").isMissingNode());
        assertTrue(plain.path("properties").path("seed").isMissingNode());
    }

    @Test
    void sarifKeepsEveryFrameOfATestRun() throws IOException {
        JsonNode result = tree(DEADLOCKS_AND_PREDICTED, SourceLookup.NONE).path("runs").get(0).path("results").get(1);
        assertEquals(22, result.path("stacks").get(0).path("frames").size());
    }

    @Test
    void pathsBecomeUriReferences() {
        assertEquals("demo/Counter.java", SarifRenderer.uri("demo/Counter.java"));
        assertEquals("src/main/java/my%20dir/K%C3%A4se.java", SarifRenderer.uri("src/main/java/my dir/Käse.java"));
        assertEquals("c%3Adir/A.java", SarifRenderer.uri("c:dir/A.java"));
        assertEquals("file:///home/u/src/A.java", SarifRenderer.uri("/home/u/src/A.java"));
        assertEquals("file:///C:/src/A.java", SarifRenderer.uri("C:\\src\\A.java"));
        assertEquals("a/%23b%3F%25.java", SarifRenderer.uri("a/#b?%.java"));
    }
}
