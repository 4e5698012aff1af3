package dev.racecheck.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuppressionsTest {

    /** The counter race: both stacks are demo.Counter.next <- demo.RaceCounter.lambda$main$0 <- Thread.run. */
    private static final Race COUNTER = Samples.counterRace();

    private static Suppressions parse(String text) throws SuppressionFormatException {
        return Suppressions.parse(text, "test.supp");
    }

    private static boolean suppresses(String glob, Race race) throws SuppressionFormatException {
        return parse("race:" + glob).suppresses(race);
    }

    @Test
    void commentsBlankLinesAndSpacesAreIgnored() throws Exception {
        Suppressions s = parse("# known races\r\n\r\n   \n  race:demo.legacy.*  \n\t# another comment\nrace: *Cache.get\n");
        assertEquals(List.of("demo.legacy.*", "*Cache.get"), s.globs());
        assertFalse(s.isEmpty());
        assertTrue(parse("# nothing\n\n").isEmpty());
        assertTrue(parse("").isEmpty());
    }

    @Test
    void matchesTheInnermostFrameOfEitherStack() throws Exception {
        assertTrue(suppresses("demo.Counter.next", COUNTER));
        // The static race's previous access is in a lambda; its current one in main.
        assertTrue(suppresses("demo.Main.lambda$main$0", Samples.staticRace()));
        assertTrue(suppresses("demo.Main.main", Samples.staticRace()));
    }

    @Test
    void matchesOuterFramesToo() throws Exception {
        assertTrue(suppresses("demo.RaceCounter.lambda$main$?", COUNTER));
        assertTrue(suppresses("java.lang.Thread.run", COUNTER), "JDK frames are frames too; the module is not part of the name");
    }

    @Test
    void aContainerRaceIsMatchedByItsOperationsAndByTheProgramsFrames() throws Exception {
        Race map = Samples.containerRace();
        assertTrue(suppresses("java.util.HashMap.*", map), "every race on HashMaps");
        assertTrue(suppresses("java.util.HashMap.get", map));
        assertTrue(suppresses("demo.Registry.add", map));
        assertFalse(suppresses("java.util.TreeMap.*", map));
    }

    @Test
    void doesNotLookAtThreadStartStacks() throws Exception {
        // demo.RaceCounter.main appears only where the threads were started, not in the accesses' stacks.
        assertFalse(suppresses("demo.RaceCounter.main", COUNTER));
    }

    @Test
    void starMatchesAnyRunIncludingDotsAndQuestionMarkExactlyOneCharacter() throws Exception {
        assertTrue(suppresses("demo.*", COUNTER));
        assertTrue(suppresses("*.next", COUNTER));
        assertTrue(suppresses("*Counter.nex?", COUNTER));
        assertTrue(suppresses("*", COUNTER));
        assertTrue(suppresses("demo.Counter.***", COUNTER));
        assertFalse(suppresses("demo.Counter.ne?", COUNTER));
        assertFalse(suppresses("demo.Counter.next?", COUNTER));
    }

    @Test
    void theGlobMustMatchTheWholeName() throws Exception {
        assertFalse(suppresses("demo.Counter", COUNTER), "a class name alone matches no method");
        assertFalse(suppresses("Counter.next", COUNTER), "no implicit leading *");
        assertFalse(suppresses("emo.Counter.next", COUNTER));
        assertTrue(suppresses("demo.Counter.*", COUNTER));
    }

    @Test
    void regexCharactersAreLiteral() throws Exception {
        Frame init = new Frame("demo.Outer$Inner", "<init>", "Outer.java", 3);
        Race race = new Race(new Target(Target.Kind.FIELD, "demo.Outer$Inner", "x", "demo.Outer$Inner@1"),
                new Access(AccessKind.WRITE, 2, List.of(init)), new Access(AccessKind.READ, 1, List.of()),
                List.of(), 1);
        assertTrue(suppresses("demo.Outer$Inner.<init>", race));
        assertFalse(suppresses("demoXOuter$Inner.<init>", race), "a dot is a dot, not any character");
        assertTrue(suppresses("demo.Outer$*", race));
    }

    @Test
    void anEmptyStackMatchesNothing() throws Exception {
        Race array = Samples.arrayRace(); // previous stack empty, current demo.Hist.get <- demo.Hist.run
        assertTrue(suppresses("demo.Hist.run", array));
        assertFalse(suppresses("demo.Other.*", array));
    }

    @Test
    void matchingRuleNamesTheFirstRuleThatMatches() throws Exception {
        Suppressions s = parse("race:other.*\nrace:demo.*\nrace:*.next\n");
        assertEquals("race:demo.*", s.matchingRule(COUNTER));
        assertNull(parse("race:other.*").matchingRule(COUNTER));
        assertNull(Suppressions.NONE.matchingRule(COUNTER));
        assertFalse(Suppressions.NONE.suppresses(COUNTER));
    }

    @Test
    void deadlockRulesMatchAnyFrameOfAnyAcquisitionStack() throws Exception {
        Deadlock bank = Samples.potentialDeadlock();
        assertTrue(parse("deadlock:bank.Account.transfer").suppresses(bank));
        assertTrue(parse("deadlock:bank.Bank.lambda$main$1").suppresses(bank), "an outer frame of one edge");
        assertTrue(parse("deadlock:java.lang.Thread.run").suppresses(bank));
        assertFalse(parse("deadlock:bank.Bank.main").suppresses(bank), "thread start stacks are not looked at");
        Deadlock actual = Samples.actualDeadlock();
        assertTrue(parse("deadlock:demo.Cache.load").suppresses(actual), "where a thread waits");
        assertTrue(parse("deadlock:demo.Index.rebuild").suppresses(actual));
        Deadlock onlyHeld = new Deadlock(Deadlock.Kind.POTENTIAL, List.of(new Deadlock.Edge(2, Samples.ACCOUNT_B,
                List.of(), Samples.ACCOUNT_A, List.of(new Frame("bank.Ledger", "open", "Ledger.java", 5)))),
                List.of(), 1);
        assertTrue(parse("deadlock:bank.Ledger.*").suppresses(onlyHeld), "where a held lock was acquired");
        assertEquals("deadlock:*.transfer", parse("race:bank.*\ndeadlock:other.*\ndeadlock:*.transfer").matchingRule(bank));
        assertNull(Suppressions.NONE.matchingRule(bank));
    }

    @Test
    void raceRulesAndDeadlockRulesApplyToTheirOwnKindOnly() throws Exception {
        assertFalse(parse("race:bank.*").suppresses(Samples.potentialDeadlock()));
        assertFalse(parse("deadlock:demo.*").suppresses(COUNTER));
        Suppressions both = parse("race:demo.legacy.*\ndeadlock:bank.*\n");
        assertEquals(List.of("demo.legacy.*"), both.globs());
        assertEquals(List.of("bank.*"), both.globs(Suppressions.DEADLOCK));
        assertEquals(List.of("race:demo.legacy.*", "deadlock:bank.*"), both.rules());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "com.example.Foo                 | test.supp, line 2: expected race:<glob> or deadlock:<glob> but found \"com.example.Foo\"",
            "raec:com.example.*              | test.supp, line 2: unknown suppression type \"raec\"; expected race:<glob> or deadlock:<glob>",
            "mutex:com.example.*             | test.supp, line 2: suppression type \"mutex\" is not supported; racecheck has only race:<glob> or deadlock:<glob>",
            "race:                           | test.supp, line 2: race: needs a glob, e.g. race:com.example.legacy.*",
            "deadlock:                       | test.supp, line 2: deadlock: needs a glob, e.g. deadlock:com.example.legacy.*",
            "deadlock:com.example.[A-Z]*     | test.supp, line 2: bad glob \"com.example.[A-Z]*\": \"[\" is not allowed (only * and ? are wildcards)",
            "race:com.example.Foo bar        | test.supp, line 2: bad glob \"com.example.Foo bar\": a space is not allowed (a glob is a class.method name with * and ?)",
            "race:com.example.[A-Z]*         | test.supp, line 2: bad glob \"com.example.[A-Z]*\": \"[\" is not allowed (only * and ? are wildcards)",
            "race:com/example/Foo            | test.supp, line 2: bad glob \"com/example/Foo\": \"/\" is not allowed (write class names with dots: com.example.Foo.bar)",
            "race:com.example.Foo.bar(Foo.java:3) | test.supp, line 2: bad glob \"com.example.Foo.bar(Foo.java:3)\": \"(\" is not allowed (write class.method without a parameter list or line)",
            "race:com.example.* # legacy     | test.supp, line 2: bad glob \"com.example.* # legacy\": comments go on lines of their own, starting with #",
    })
    void badLinesAreErrorsNamingFileLineAndProblem(String line, String message) {
        SuppressionFormatException e = assertThrows(SuppressionFormatException.class,
                () -> parse("# first line is fine\n" + line + "\nrace:ok.*\n"));
        assertEquals(message, e.getMessage());
        assertEquals("test.supp", e.source());
        assertEquals(2, e.line());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void controlCharactersAreNamedNotPrinted() {
        SuppressionFormatException e = assertThrows(SuppressionFormatException.class, () -> parse("race:a\u0007b"));
        assertEquals("test.supp, line 1: bad glob \"a\u0007b\": character U+0007 is not allowed"
                + " (a glob is a class.method name with * and ?)", e.getMessage());
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("racecheck.supp");
        Files.writeString(file, "race:demo.*\n");
        assertTrue(Suppressions.read(file).suppresses(COUNTER));

        Files.writeString(file, "race:ok\nrace:bad glob\n");
        SuppressionFormatException e = assertThrows(SuppressionFormatException.class, () -> Suppressions.read(file));
        assertTrue(e.getMessage().startsWith(file + ", line 2: bad glob"), e.getMessage());

        assertThrows(NoSuchFileException.class, () -> Suppressions.read(dir.resolve("missing.supp")));
    }
}
