package dev.racecheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.racecheck.reports.Baseline;
import dev.racecheck.reports.Suppressions;

class OptionsTest {

    private static Options args(String agentArgs) throws Options.BadOption {
        return Options.parse(null, agentArgs);
    }

    private static String error(String env, String agentArgs) {
        return assertThrows(Options.BadOption.class, () -> Options.parse(env, agentArgs)).getMessage();
    }

    // ---- defaults ---------------------------------------------------------------------------------------------

    @Test
    void no_options_should_give_the_defaults() throws Exception {
        for (Options o : new Options[] {Options.parse(null, null), Options.parse("", ""), Options.parse("  ", " ")}) {
            assertEquals(66, o.exitCode);
            assertFalse(o.haltOnError);
            assertNull(o.logPath);
            assertEquals(List.of(), o.include);
            assertEquals(List.of(), o.exclude);
            assertNull(o.reportJson);
            assertFalse(o.verbose);
            assertFalse(o.testFrames);
            assertTrue(o.detectDeadlocks);
            assertTrue(o.deadlockExit);
            assertEquals(Suppressions.NONE, o.suppressions);
            assertEquals(Baseline.EMPTY, o.baseline);
            assertNull(o.exploreSeed);
            assertFalse(o.explore);
            assertNull(o.exploreStrategy);
        }
    }

    // ---- schedule exploration -----------------------------------------------------------------------------------

    @Test
    void explore_seed_should_take_any_long_and_arm_exploration() throws Exception {
        Options o = args("explore_seed=42");
        assertEquals(42L, o.exploreSeed);
        assertTrue(o.explore);
        assertEquals(Long.MIN_VALUE, args("explore_seed=" + Long.MIN_VALUE).exploreSeed);
        assertEquals(-7L, Options.parse("explore_seed=-7", null).exploreSeed);
        assertTrue(error(null, "explore_seed=x").contains("explore_seed=x is not a whole number"));
        assertTrue(error(null, "explore_seed=").contains("explore_seed= is not a whole number"));
    }

    @Test
    void explore_should_arm_without_a_seed() throws Exception {
        Options o = args("explore=1");
        assertTrue(o.explore);
        assertNull(o.exploreSeed);
        assertFalse(args("explore=0").explore);
        assertTrue(error(null, "explore=2").contains("must be 0 or 1"));
    }

    @Test
    void explore_strategy_should_be_pct_pos_or_noise() throws Exception {
        assertEquals("pos", args("explore_strategy=pos").exploreStrategy);
        assertEquals("NOISE", args("explore_strategy=NOISE").exploreStrategy);
        assertTrue(error(null, "explore_strategy=random").contains("must be pct, pos or noise"));
    }

    // ---- every option -------------------------------------------------------------------------------------------

    @Test
    void exitcode_should_accept_whole_numbers_from_0_to_255() throws Exception {
        assertEquals(0, args("exitcode=0").exitCode);
        assertEquals(1, args("exitcode=1").exitCode);
        assertEquals(255, args("exitcode=255").exitCode);
        assertEquals(7, args("exitcode= 7 ").exitCode, "values are trimmed");
    }

    @Test
    void halt_on_error_should_accept_0_1_true_and_false() throws Exception {
        assertTrue(args("halt_on_error=1").haltOnError);
        assertTrue(args("halt_on_error=true").haltOnError);
        assertFalse(args("halt_on_error=0").haltOnError);
        assertFalse(args("halt_on_error=false").haltOnError);
    }

    @Test
    void verbose_should_accept_0_and_1() throws Exception {
        assertTrue(args("verbose=1").verbose);
        assertFalse(args("verbose=0").verbose);
    }

    @Test
    void test_frames_should_accept_0_and_1() throws Exception {
        assertTrue(args("test_frames=1").testFrames);
        assertFalse(args("test_frames=0").testFrames);
    }

    @Test
    void the_deadlock_options_should_accept_0_and_1() throws Exception {
        assertFalse(args("detect_deadlocks=0").detectDeadlocks);
        assertTrue(args("detect_deadlocks=1").detectDeadlocks);
        assertFalse(args("deadlock_exit=false").deadlockExit);
        assertTrue(args("deadlock_exit=0,detect_deadlocks=1").detectDeadlocks);
        assertTrue(error(null, "detect_deadlocks=2").contains("detect_deadlocks=2 must be 0 or 1"));
    }

    @Test
    void log_path_should_take_stderr_stdout_or_a_path() throws Exception {
        assertEquals("stderr", args("log_path=stderr").logPath);
        assertEquals("stdout", args("log_path=stdout").logPath);
        assertEquals("/tmp/race report", args("log_path=/tmp/race report").logPath);
    }

    @Test
    void report_json_should_take_a_path() throws Exception {
        assertEquals("target/races.json", args("report_json=target/races.json").reportJson);
        assertEquals("a=b.json", args("report_json=a=b.json").reportJson, "only the first '=' separates");
    }

    @Test
    void include_and_exclude_should_take_colon_separated_globs() throws Exception {
        Options o = args("include=com.example.*:org.acme.Main$Inner?,exclude=com.example.gen.*");
        assertEquals(List.of("com.example.*", "org.acme.Main$Inner?"), o.include);
        assertEquals(List.of("com.example.gen.*"), o.exclude);
        assertEquals(List.of("a.B"), args("include=:a.B:").include, "empty globs are skipped");
    }

    @Test
    void all_options_together_should_be_read_from_the_agent_argument() throws Exception {
        Options o = args("exitcode=3,halt_on_error=1,log_path=stdout,include=a.*,exclude=a.b.*,report_json=r.json,verbose=1");
        assertEquals(3, o.exitCode);
        assertTrue(o.haltOnError);
        assertEquals("stdout", o.logPath);
        assertEquals(List.of("a.*"), o.include);
        assertEquals(List.of("a.b.*"), o.exclude);
        assertEquals("r.json", o.reportJson);
        assertTrue(o.verbose);
    }

    // ---- sources and precedence ---------------------------------------------------------------------------------

    @Test
    void the_environment_should_accept_spaces_and_commas_as_separators() throws Exception {
        Options o = Options.parse(" exitcode=5  verbose=1,halt_on_error=1 ,\tlog_path=stdout ", null);
        assertEquals(5, o.exitCode);
        assertTrue(o.verbose);
        assertTrue(o.haltOnError);
        assertEquals("stdout", o.logPath);
    }

    @Test
    void the_agent_argument_should_win_over_the_environment() throws Exception {
        Options o = Options.parse("exitcode=5 verbose=1 log_path=stdout", "exitcode=9,log_path=stderr");
        assertEquals(9, o.exitCode, "agent argument wins");
        assertEquals("stderr", o.logPath, "agent argument wins");
        assertTrue(o.verbose, "what only the environment sets stays");
    }

    @Test
    void the_agent_argument_should_be_separated_by_commas_only() throws Exception {
        assertEquals("/tmp/my races", args("log_path=/tmp/my races,exitcode=2").logPath);
    }

    @Test
    void a_later_setting_should_win_within_one_source() throws Exception {
        assertEquals(2, args("exitcode=1,exitcode=2").exitCode);
        assertEquals(4, Options.parse("exitcode=3 exitcode=4", null).exitCode);
    }

    // ---- errors -----------------------------------------------------------------------------------------------

    @Test
    void an_unknown_option_should_be_named_with_its_source_and_the_valid_names() {
        String m = error(null, "exitcode=1,colour=red");
        assertTrue(m.contains("unknown option 'colour'"), m);
        assertTrue(m.contains("the -javaagent argument"), m);
        assertTrue(m.contains(String.join(", ", Options.NAMES)), m);

        String env = error("verbos=1", null);
        assertTrue(env.contains("unknown option 'verbos'"), env);
        assertTrue(env.contains("RACECHECK_OPTIONS"), env);
    }

    @Test
    void option_names_should_be_case_sensitive() {
        assertTrue(error(null, "EXITCODE=1").contains("unknown option 'EXITCODE'"));
    }

    @Test
    void exitcode_abc_should_say_it_is_not_a_whole_number_in_range() {
        assertEquals("option exitcode=abc is not a whole number from 0 to 255", error(null, "exitcode=abc"));
    }

    @Test
    void exitcode_out_of_range_should_say_so() {
        assertEquals("option exitcode=300 is not a whole number from 0 to 255", error(null, "exitcode=300"));
        assertEquals("option exitcode=-1 is not a whole number from 0 to 255", error(null, "exitcode=-1"));
        assertEquals("option exitcode= is not a whole number from 0 to 255", error(null, "exitcode="));
    }

    @Test
    void halt_on_error_7_should_say_it_must_be_0_or_1() {
        assertEquals("option halt_on_error=7 must be 0 or 1", error(null, "halt_on_error=7"));
        assertEquals("option verbose=yes must be 0 or 1", error(null, "verbose=yes"));
    }

    @Test
    void an_item_without_equals_should_be_malformed() {
        assertEquals("malformed option 'foo' in the -javaagent argument: expected name=value", error(null, "foo"));
        assertEquals("malformed option 'foo' in RACECHECK_OPTIONS: expected name=value", error("foo", null));
        assertEquals("malformed option '=1' in the -javaagent argument: expected name=value", error(null, "=1"));
    }

    @Test
    void a_bad_glob_should_be_quoted_with_an_example() {
        String m = error(null, "include=com/example/*");
        assertEquals("option include has a bad class name pattern 'com/example/*' (use names with * and ?, e.g. com.example.*)", m);
        String x = error(null, "exclude=a.b:c d");
        assertTrue(x.startsWith("option exclude has a bad class name pattern 'c d'"), x);
    }

    @Test
    void an_empty_path_should_need_a_value() {
        assertEquals("option log_path needs a value", error(null, "log_path="));
        assertEquals("option report_json needs a value", error(null, "report_json="));
    }

    @Test
    void values_should_be_checked_after_merging_so_the_agent_argument_can_override_a_bad_environment_value()
            throws Exception {
        assertEquals(1, Options.parse("exitcode=x", "exitcode=1").exitCode);
        assertEquals("option exitcode=x is not a whole number from 0 to 255", error("exitcode=x", "verbose=1"));
    }

    // ---- files: suppressions and baseline -----------------------------------------------------------------------

    @TempDir
    Path dir;

    @Test
    void suppressions_should_read_race_globs_from_a_file() throws Exception {
        Path file = dir.resolve("racecheck.supp");
        Files.writeString(file, "# known\nrace:com.example.legacy.*\n\nrace:*Cache.get\n");
        Options o = args("suppressions=" + file);
        assertEquals(List.of("com.example.legacy.*", "*Cache.get"), o.suppressions.globs());
    }

    @Test
    void a_missing_suppressions_file_should_be_named() {
        Path missing = dir.resolve("nope.supp");
        assertEquals("cannot read suppressions file " + missing + ": no such file", error(null, "suppressions=" + missing));
    }

    @Test
    void a_bad_suppressions_line_should_be_reported_with_file_and_line() throws Exception {
        Path file = dir.resolve("bad.supp");
        Files.writeString(file, "race:ok.*\nraec:typo\n");
        String m = error(null, "suppressions=" + file);
        assertTrue(m.startsWith(file + ", line 2: "), m);
        assertTrue(m.contains("raec"), m);
    }

    @Test
    void a_missing_baseline_should_be_named() {
        Path missing = dir.resolve("races.json");
        assertEquals("cannot read baseline " + missing + ": no such file", error(null, "baseline=" + missing));
    }

    @Test
    void a_baseline_that_is_not_a_report_should_say_so() throws Exception {
        Path file = dir.resolve("not-a-report.json");
        Files.writeString(file, "{\"hello\": 1}");
        String m = error(null, "baseline=" + file);
        assertTrue(m.startsWith("baseline " + file + " is not a racecheck JSON report: "), m);
    }

    @Test
    void empty_suppressions_or_baseline_values_should_need_a_value() {
        assertEquals("option suppressions needs a value", error(null, "suppressions="));
        assertEquals("option baseline needs a value", error(null, "baseline="));
    }
}
