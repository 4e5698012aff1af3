// Helpers for the verify scripts of the integration tests (itDir is a script variable set in the pom):
//   def lib = evaluate(new File(itDir, 'lib.groovy'))
// Each check throws an AssertionError with a short message (never the whole build log).
[
    check: { ok, String message ->
        if (!ok) throw new AssertionError(message)
    },

    // The outcome of every test case in the Surefire XML reports: "Class#method" -> passed/failed/error/skipped,
    // and the failure message text of each failed one under "Class#method:message".
    testcases: { File basedir ->
        def out = [:]
        def dir = new File(basedir, 'target/surefire-reports')
        if (!dir.isDirectory()) return out
        dir.listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.each { f ->
            def xml = f.getText('UTF-8')
            def m = xml =~ /(?s)<testcase\s+name="([^"]*)"\s+classname="([^"]*)"[^>]*?(\/>|>(.*?)<\/testcase>)/
            m.each { all, name, cls, end, body ->
                def key = cls + '#' + name
                def status = body == null ? 'passed'
                        : body.contains('<failure') ? 'failed'
                        : body.contains('<error') ? 'error'
                        : body.contains('<skipped') ? 'skipped' : 'passed'
                out[key] = status
                if (body != null) out[key + ':message'] = body
            }
        }
        out
    },

    // The JSON reports the test JVMs wrote, as parsed maps.
    reports: { File basedir ->
        def dir = new File(basedir, 'target/racecheck')
        (dir.listFiles() ?: []).findAll { it.name ==~ /racecheck-\d+\.json/ }
                .collect { new groovy.json.JsonSlurper().parse(it, 'UTF-8') }
    },

    // "field demo.HitCounter.hits", "element of boolean[]": what a JSON race is about.
    variable: { race ->
        def t = race.target
        t.kind == 'array_element' ? 'element of ' + t.owner : t.kind.replace('_', ' ') + ' ' + t.owner + '.' + t.name
    },
]
