// samples/maven-demo built twice: the first build's merged report (racecheck.json) is the second build's baseline.
def lib = evaluate(new File(itDir, 'lib.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')

lib.check(new File(basedir, 'target/racecheck/racecheck.json').isFile(), 'the report goal wrote no racecheck.json')
lib.check(log =~ /racecheck: argLine set to -javaagent:\S*racecheck\.jar=\S*,baseline=\S*racecheck\.json/,
        'the baseline was not passed to the agent')
lib.check(log.contains('(known race: in the baseline)'), 'the agent did not mark the race as known')
lib.check(log =~ /\[WARNING\] racecheck: known data race \(baseline\)/, 'check did not print the known race')
lib.check(log =~ /racecheck: \d data race\(s\) in 1 test JVM\(s\)[^:]*: 0 new, [1-9]\d* in the baseline/, 'check summary')
def tests = lib.testcases(basedir)
lib.check(tests.size() == 3 && tests.values().every { it == 'passed' }, "second build's tests: ${tests}")
true
