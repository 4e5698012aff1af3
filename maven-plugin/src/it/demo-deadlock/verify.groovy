// samples/maven-demo, fixed, plus LedgerTest (a lock-order inversion across two tests): the extension fails the
// second test, check prints the potential deadlock with its stacks, names the test and fails the build.
def lib = evaluate(new File(itDir, 'lib.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')

lib.check(log.contains('racecheck-maven-plugin:' + pluginVersion + ':check'), 'check did not run')
lib.check(log.contains('[ERROR] racecheck: potential deadlock during test demo.LedgerTest.auditTakesLedgerThenAccounts()'),
        'check does not name the test that closed the cycle')
lib.check(log.contains('[ERROR] WARNING: POTENTIAL DEADLOCK (lock-order inversion)'), 'check does not print the report')
lib.check(log =~ /\[ERROR\]   at demo\.LedgerTest\.transferTakesAccountsThenLedger\(LedgerTest\.java:\d+\)/,
        'check does not print the first test\'s acquisition')
lib.check(log =~ /\[ERROR\]   at demo\.LedgerTest\.auditTakesLedgerThenAccounts\(LedgerTest\.java:\d+\)/,
        'check does not print the second test\'s acquisition')
lib.check(log =~ /racecheck: 0 data race\(s\) and 1 deadlock\(s\) in 1 test JVM\(s\)/, 'check\'s summary')
lib.check(log =~ /Failed to execute goal dev\.racecheck:racecheck-maven-plugin:[^:]+:check .*1 deadlock\(s\) found by racecheck, during test demo\.LedgerTest\.auditTakesLedgerThenAccounts\(\)/,
        'the build did not fail in racecheck:check naming the test')
def tests = lib.testcases(basedir)
lib.check(tests['demo.LedgerTest#auditTakesLedgerThenAccounts'] == 'failed', "tests: ${tests}")
lib.check(tests['demo.LedgerTest#transferTakesAccountsThenLedger'] == 'passed', "tests: ${tests}")
true
