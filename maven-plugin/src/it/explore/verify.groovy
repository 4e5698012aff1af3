// A @RaceCheck test under the plugin's <explore>16</explore> <seed>500</seed>: the agent is armed (explore=1), the
// test runs 16 times with seeds 500 to 515, the first repetition that finds the race fails and names its seed.
def lib = evaluate(new File(itDir, 'lib.groovy'))
def log = new File(basedir, 'build.log').getText('UTF-8')

lib.check(log =~ /racecheck: argLine set to -javaagent:\S+racecheck\.jar=exitcode=0,[^ ]*explore=1/, 'the agent is not armed')
lib.check(log.contains('-Dracecheck.explore=16 -Dracecheck.seed=500'), 'the exploration properties are not passed')

def tests = lib.testcases(basedir)
def invocations = tests.keySet().findAll { it.startsWith('demo.HandshakeTest#stepsAreCounted') && !it.endsWith(':message') }
lib.check(invocations.size() == 16, "16 repetitions expected: ${invocations}")
def failed = invocations.findAll { tests[it] == 'failed' }
lib.check(failed.size() == 1, "exactly one repetition should fail (a race is reported once per JVM): ${tests}")
def message = tests[failed[0] + ':message']
def m = message =~ /Found in repetition (\d+) of 16, schedule seed (\d+); replay it: @RaceCheck\(explore = 1, seed = (\d+)\)/
lib.check(m.find(), "the failure does not name its seed: ${message}")
lib.check(m.group(2).toLong() == 499 + m.group(1).toLong(), "seed ${m.group(2)} is not repetition ${m.group(1)}'s")
lib.check(message.contains('data race detected during execution of this test'), 'not racecheck\'s failure')
lib.check(tests['demo.HandshakeTest#plainTestsRunOnce'] == 'passed', "plain test: ${tests}")
def races = lib.reports(basedir).collectMany { it.races }
lib.check(races.any { it.seed == m.group(2).toLong() }, "the JSON report's race does not carry the seed: ${races}")
true
