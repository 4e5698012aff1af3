// samples/maven-demo with -Dmaven.test.failure.ignore=true: racecheck:check prints the races, names the test and
// fails the build.
def lib = evaluate(new File(itDir, 'lib.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')

lib.check(log.contains('racecheck-maven-plugin:' + pluginVersion + ':check'), 'check did not run')
lib.check(log.contains('[ERROR] racecheck: data race during test demo.HitCounterTest.countsHitsFromConcurrentRequests()'),
        'check does not name the test')
lib.check(log =~ /\[ERROR\] (Read|Write) of field demo\.HitCounter\.hits \(demo\.HitCounter@\p{XDigit}+\) by thread "request-\d"/,
        'check does not print the current access')
lib.check(log =~ /\[ERROR\] Previous (read|write) of field demo\.HitCounter\.hits by thread "request-\d"/,
        'check does not print the previous access')
lib.check((log =~ /\[ERROR\]   at demo\.HitCounter\.hit\(HitCounter\.java:\d+\)/).size() >= 2, 'check does not print both stacks')
lib.check(log =~ /Failed to execute goal dev\.racecheck:racecheck-maven-plugin:[^:]+:check .*data race\(s\) found by racecheck, during test demo\.HitCounterTest\.countsHitsFromConcurrentRequests\(\)/,
        'the build did not fail in racecheck:check naming the test')
true
