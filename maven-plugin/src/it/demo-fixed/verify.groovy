// samples/maven-demo with the fix applied: every test passes and check finds nothing.
def lib = evaluate(new File(itDir, 'lib.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')

lib.check(log.contains('racecheck: argLine set to -javaagent:'), 'prepare-agent did not set argLine')
lib.check(log =~ /racecheck: 0 data race\(s\) in 1 test JVM\(s\)/, 'check did not report zero races')
lib.check(!log.contains('WARNING: DATA RACE'), 'a race was reported')
def tests = lib.testcases(basedir)
lib.check(tests.size() == 3 && tests.values().every { it == 'passed' }, "tests: ${tests}")
true
