package dev.racecheck.it.realsuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the console launcher says about a run: each test's outcome from the legacy XML reports it writes with
 * {@code --reports-dir} ({@code TEST-junit-jupiter.xml}), and the counts of its closing summary on stdout.
 *
 * @param tests            test id ({@code org.example.FooTest#testBar()}, parameterized ones with their index
 *                         {@code #testBaz(int)[2]}) to outcome, in report order
 * @param failureMessages  test id to the first line of its failure, for failed tests
 * @param testsFound       the summary's "tests found"
 * @param containersFailed the summary's "containers failed" (a class whose set-up failed)
 */
record LauncherResults(Map<String, Outcome> tests, Map<String, String> failureMessages, long testsFound,
                       long containersFailed) {

    enum Outcome { PASSED, FAILED, SKIPPED }

    private static final Pattern SUMMARY = Pattern.compile("\\[\\s*(\\d+) (tests found|containers failed)\\s*]");

    /** Reads the reports of a finished run; fails with a clear message if the launcher wrote none. */
    static LauncherResults read(Path reportsDir, Path stdout) throws IOException {
        Map<String, Outcome> tests = new LinkedHashMap<>();
        Map<String, String> messages = new LinkedHashMap<>();
        List<Path> xmls;
        try (Stream<Path> files = Files.exists(reportsDir) ? Files.list(reportsDir) : Stream.empty()) {
            xmls = files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        for (Path xml : xmls) {
            Document doc = parse(xml);
            NodeList cases = doc.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                String id = c.getAttribute("classname") + "#" + c.getAttribute("name");
                Outcome outcome = Outcome.PASSED;
                for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!(n instanceof Element e)) {
                        continue;
                    }
                    switch (e.getTagName()) {
                        case "failure", "error" -> {
                            outcome = Outcome.FAILED;
                            String message = e.getAttribute("message");
                            messages.putIfAbsent(id, (message.isEmpty() ? e.getAttribute("type") : message)
                                    .lines().findFirst().orElse(""));
                        }
                        case "skipped" -> {
                            if (outcome == Outcome.PASSED) {
                                outcome = Outcome.SKIPPED;
                            }
                        }
                        default -> {
                            // system-out, system-err: not an outcome
                        }
                    }
                }
                tests.put(id, outcome);
            }
        }
        long found = -1;
        long containersFailed = -1;
        String out = new String(Files.readAllBytes(stdout), java.nio.charset.StandardCharsets.UTF_8);
        Matcher m = SUMMARY.matcher(out);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            if (m.group(2).equals("tests found")) {
                found = n;
            } else {
                containersFailed = n;
            }
        }
        return new LauncherResults(tests, messages, found, containersFailed);
    }

    private static Document parse(Path xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(xml.toFile());
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("cannot parse the launcher's report " + xml + ": " + e, e);
        }
    }

    List<String> withOutcome(Outcome outcome) {
        return tests.entrySet().stream().filter(e -> e.getValue() == outcome).map(Map.Entry::getKey).toList();
    }

    long count(Outcome outcome) {
        return tests.values().stream().filter(o -> o == outcome).count();
    }

    /** The class and the method name of a test id: {@code org.example.FooTest#testBaz(int)[2]} → class, testBaz. */
    static String[] classAndMethod(String testId) {
        int hash = testId.indexOf('#');
        String method = testId.substring(hash + 1);
        int paren = method.indexOf('(');
        return new String[] {testId.substring(0, hash), paren < 0 ? method : method.substring(0, paren)};
    }
}
