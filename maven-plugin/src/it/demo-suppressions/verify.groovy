// samples/maven-demo with -Dracecheck.suppressions: the agent leaves the suppressed race out, so no test fails and
// check finds nothing new.
def lib = evaluate(new File(itDir, 'lib.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')

lib.check(log =~ /racecheck: argLine set to -javaagent:\S*racecheck\.jar=\S*,suppressions=\S*racecheck-suppressions\.txt/,
        'the suppressions file was not passed to the agent')
lib.check(log =~ /racecheck: 0 data race\(s\) in 1 test JVM\(s\)/, 'check should find no race')
def tests = lib.testcases(basedir)
lib.check(tests.size() == 3 && tests.values().every { it == 'passed' }, "tests: ${tests}")
true
