// samples/maven-demo, unchanged: Surefire fails the racy test with racecheck's report; the other tests pass.
def lib = evaluate(new File(itDir, 'lib.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')

lib.check(log.contains('racecheck: argLine set to -javaagent:'), 'prepare-agent did not set argLine')
lib.check(log.contains('data race detected during execution of this test'), 'no racecheck test failure in the log')
// The test is named (Surefire's summary line) ...
lib.check(log =~ /HitCounterTest\.countsHitsFromConcurrentRequests/, 'the racing test is not named')
// ... and both stacks are shown: the access that found the race and the previous one, each in HitCounter.hit.
lib.check(log =~ /(Read|Write) of field demo\.HitCounter\.hits \(demo\.HitCounter@\p{XDigit}+\) by thread "request-\d"/,
        'the current access is missing')
lib.check(log =~ /Previous (read|write) of field demo\.HitCounter\.hits by thread "request-\d"/, 'the previous access is missing')
lib.check((log =~ /at demo\.HitCounter\.hit\(HitCounter\.java:\d+\)/).size() >= 2, 'both stacks should reach HitCounter.hit')

def tests = lib.testcases(basedir)
lib.check(tests['demo.HitCounterTest#countsHitsFromConcurrentRequests'] == 'failed', "racy test: ${tests}")
lib.check(tests['demo.HitCounterTest#countsHitsFromOneThread'] == 'passed', "clean test: ${tests}")
lib.check(tests['demo.PageStatsTest#countsViewsFromAThreadPool'] == 'passed', "clean pool test: ${tests}")
lib.check(tests['demo.HitCounterTest#countsHitsFromConcurrentRequests:message'].contains('data race detected during execution of this test'),
        'the failure in the Surefire report is not racecheck\'s')
lib.check(!lib.reports(basedir).isEmpty(), 'no JSON report in target/racecheck')
true
