// forkCount=2, reuseForks=false (one JVM per test class), JUnit parallel mode, Mockito's inline mock maker, and the
// argLine composed by @{argLine} late replacement: exactly the racy test fails; every JVM wrote its report.
def lib = evaluate(new File(itDir, 'lib.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')

def tests = lib.testcases(basedir)
lib.check(tests['demo.HitCounterTest#countsHitsFromConcurrentRequests'] == 'failed', "racy test: ${tests}")
lib.check(tests['demo.HitCounterTest#countsHitsFromConcurrentRequests:message'].contains('data race detected during execution of this test'),
        'the racy test did not fail with racecheck\'s message')
def others = tests.findAll { k, v -> !k.contains(':') && k != 'demo.HitCounterTest#countsHitsFromConcurrentRequests' }
lib.check(others.size() == 13 && others.values().every { it == 'passed' }, "the other tests should all pass: ${others}")

// One JVM per test class (reuseForks=false): one JSON report each; races only in HitCounter.
def reports = lib.reports(basedir)
lib.check(reports.size() == 5, "expected 5 JSON reports (one per test class), found ${reports.size()}")
def variables = reports.collectMany { r -> r.races.collect { lib.variable(it) } } as Set
lib.check(variables == ['field demo.HitCounter.hits'] as Set, "unexpected races: ${variables}")
lib.check(log =~ /racecheck: data race during test demo\.HitCounterTest\.countsHitsFromConcurrentRequests\(\)/,
        'check does not name the racy test')
lib.check(log =~ /racecheck: \d data race\(s\) in 5 test JVM\(s\)/, 'check did not read 5 JVMs\' reports')
['racecheck.html', 'racecheck.sarif', 'TEST-racecheck.xml', 'racecheck.json'].each {
    lib.check(new File(basedir, 'target/racecheck/' + it).isFile(), "report ${it} missing")
}
true
