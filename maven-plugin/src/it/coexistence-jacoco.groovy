// Shared by coexistence-jacoco-first and -last (evaluated with the script's variables): JaCoCo and racecheck in
// one Surefire JVM.
def lib = evaluate(new File(itDir, 'lib.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')

// argLine: JaCoCo's agent first (its prepare-agent always prepends), then the project's own, then racecheck's.
def line = (log =~ /racecheck: argLine set to (.*)/)
lib.check(line.find(), 'prepare-agent did not set argLine')
lib.check(new File(basedir, 'target/jacoco.exec').isFile(), 'JaCoCo wrote no jacoco.exec')
def reports = lib.reports(basedir)
lib.check(reports.size() == 1, "expected one racecheck JSON report, found ${reports.size()}")
['racecheck.html', 'racecheck.sarif', 'TEST-racecheck.xml', 'racecheck.json'].each {
    lib.check(new File(basedir, 'target/racecheck/' + it).isFile(), "report ${it} missing")
}

def tests = lib.testcases(basedir)
lib.check(tests['demo.HitCounterTest#countsHitsFromConcurrentRequests'] == 'failed', "racy test: ${tests}")
lib.check(tests['demo.ArgLineTest#userArgLineAndAgentsArePresent'] == 'passed', "argLine test: ${tests['demo.ArgLineTest#userArgLineAndAgentsArePresent:message']}")
lib.check(tests['demo.CheckoutTest#totalsWithAMockedFinalClass'] == 'passed', "Mockito test: ${tests}")
lib.check(tests['demo.CheckoutTest#realObjectsStillWork'] == 'passed', "Mockito test: ${tests}")

// Races: the real one in HitCounter, and nothing else. JaCoCo's probe arrays (boolean[] elements that every
// JaCoCo-instrumented method writes without synchronization) and its runtime are coverage bookkeeping, not the
// program's data: a race on them is a false report, and so would be a clean test failing because of one.
def variables = reports.collectMany { r -> r.races.collect { lib.variable(it) } }
lib.check(variables.contains('field demo.HitCounter.hits'), "the HitCounter race was not found: ${variables as Set}")
def other = variables.findAll { it != 'field demo.HitCounter.hits' }
lib.check(other.isEmpty(), "races other than HitCounter's (JaCoCo's probes among them?): ${other as Set}")
def clean = ['demo.HitCounterTest#countsHitsFromOneThread', 'demo.PageStatsTest#countsViewsFromAThreadPool']
clean.each { t ->
    lib.check(tests[t] == 'passed', "${t} should pass: ${tests[t]} ${(tests[t + ':message'] ?: '').take(2000)}")
}
println "coexistence: only the HitCounter race; clean tests: " + clean.collect { it + '=' + tests[it] }
true
