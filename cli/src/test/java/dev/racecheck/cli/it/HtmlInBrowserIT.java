package dev.racecheck.cli.it;

import dev.racecheck.cli.Findings;
import dev.racecheck.reports.json.JsonReportWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The HTML report in a real browser: {@code racecheck report} renders a real two-race report (the agent's JSON for
 * the counter sample) with the sample sources, and headless Chromium takes a screenshot of it and dumps its DOM.
 * The screenshot and the page stay in {@code cli/target/it/browser/} for a person to look at.
 *
 * <p>Chromium comes from Debian's packages ({@code apt-get install chromium}; {@code .ci/run} installs it). Without
 * it the test is skipped with a message, except in CI ({@code CI=true}), where it fails.
 */
class HtmlInBrowserIT {
    private static String chromium;
    private static Path dir;
    private static Path html;

    @BeforeAll
    static void renderThePage() throws Exception {
        chromium = findChromium();
        if (chromium == null) {
            String why = "Chromium not found (looked for chromium, chromium-browser, google-chrome on the PATH and "
                    + "$RACECHECK_CHROMIUM); install it with: apt-get install chromium";
            if ("true".equals(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        dir = Jvm.workDir("browser");
        Path json = dir.resolve("two-races.json");
        try (InputStream in = HtmlInBrowserIT.class.getResourceAsStream("/dev/racecheck/cli/two-races.json")) {
            assertNotNull(in, "test resource two-races.json");
            Files.copy(in, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        html = dir.resolve("races.html");
        Jvm.Result r = Jvm.racecheck(dir, "report", json.toString(), "--out", html.toString(),
                "--source-path", Jvm.property("racecheck.samples.src"));
        assertEquals(0, r.status(), r.describe());
    }

    @Test
    void screenshotShowsARenderedPage() throws Exception {
        Path png = dir.resolve("races.png");
        Files.deleteIfExists(png);
        Jvm.Result r = chromium("--screenshot=" + png, "--window-size=1400,1000", "--hide-scrollbars");
        assertTrue(Files.isRegularFile(png), "no screenshot\n" + r.describe());
        System.out.println("HTML report screenshot: " + png.toAbsolutePath());

        assertTrue(Files.size(png) > 20_000, "suspiciously small screenshot: " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a PNG Java can read");
        assertEquals(1400, image.getWidth());
        assertEquals(1000, image.getHeight());

        // Not blank: many colours (text anti-aliasing, the red and blue accents, the yellow highlight), and a fair
        // share of pixels that are not the white page background.
        Set<Integer> colours = new HashSet<>();
        int inked = 0;
        int sampled = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) inked++;
                sampled++;
            }
        }
        assertTrue(colours.size() >= 50, "only " + colours.size() + " colours: a blank or broken page?");
        double share = inked / (double) sampled;
        assertTrue(share > 0.05 && share < 0.95, "share of non-white pixels " + share);
        assertTrue(colours.contains(0xfff0a0), "the racy line's highlight colour is on screen");
    }

    @Test
    void domHasBothRacesEachWithBothStacks() throws Exception {
        Jvm.Result r = chromium("--dump-dom");
        String dom = r.out();
        assertTrue(dom.contains("racecheck found 2 data races"), r.describe());
        for (int race = 1; race <= 2; race++) {
            String card = between(dom, "id=\"race-" + race + "\"", "</section>");
            List<List<String>> stacks = stacks(card);
            // Per access: its stack, then its thread's start stack.
            assertEquals(4, stacks.size(), card);
            for (int access : new int[] {0, 2}) {
                List<String> stack = stacks.get(access);
                assertTrue(stack.get(0).startsWith("dev.racecheck.samples.RaceCounter.next(RaceCounter.java:"),
                        stack.toString());
                assertTrue(stack.get(stack.size() - 1).contains("java.lang.Thread.run("), stack.toString());
            }
            assertTrue(stacks.get(1).get(0).startsWith("dev.racecheck.samples.RaceCounter.main("), stacks.toString());
            assertEquals(2, count(card, "<li class=\"racy\">"), "each stack's racy frame is highlighted");
            assertEquals(2, count(card, "<span class=\"line racy\">"), "each access's racy source line is shown");
        }
        assertTrue(dom.contains("value = c + 1; // racy access"), "source lines from the sample");
    }

    @Test
    void domHasDeadlockCardsWithStacksSideBySideAndThePredictedRace() throws Exception {
        Path json = dir.resolve("new-kinds.json");
        JsonReportWriter.write(Findings.newKinds(), json);
        Path page = dir.resolve("new-kinds.html");
        Jvm.Result rendered = Jvm.racecheck(dir, "report", json.toString(), "--out", page.toString());
        assertEquals(0, rendered.status(), rendered.describe());
        Jvm.Result r = chromium(page, "--dump-dom");
        String dom = r.out();
        assertTrue(dom.contains("racecheck found 2 data races and 2 deadlocks"), r.describe());
        String predicted = between(dom, "id=\"race-1\"", "</section>");
        assertTrue(predicted.contains("Predicted data race on"), predicted);
        assertEquals(4, stacks(predicted).size(), "both accesses, the release and the acquisition");
        String test = between(dom, "id=\"race-2\"", "</section>");
        assertTrue(test.contains("... 4 frames of the test framework"), test);
        for (int d = 1; d <= 2; d++) {
            String card = between(dom, "id=\"deadlock-" + d + "\"", "</section>");
            assertEquals(2, count(card, "<div class=\"sides edge\">"), "one row per edge");
            List<List<String>> stacks = stacks(card);
            assertEquals(4, stacks.size(), "two stacks per edge (where the threads started is not known):\n" + card);
            assertTrue(stacks.get(0).get(0).startsWith("bank.Account.transfer(Account.java:14)"), stacks.toString());
        }
    }

    /** Runs headless Chromium on the page with a fresh profile and no network chatter. */
    private static Jvm.Result chromium(String... extra) throws IOException, InterruptedException {
        return chromium(html, extra);
    }

    private static Jvm.Result chromium(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        try {
            return Jvm.run(dir, command);
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static String findChromium() {
        String configured = System.getenv("RACECHECK_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) return configured;
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(d, name);
                if (Files.isExecutable(candidate)) return candidate.toString();
            }
        }
        return null;
    }

    /** The visible text of each {@code <ol class="stack">} list's items. */
    private static List<List<String>> stacks(String html) {
        List<List<String>> stacks = new ArrayList<>();
        Matcher list = Pattern.compile("<ol class=\"stack\">(.*?)</ol>", Pattern.DOTALL).matcher(html);
        while (list.find()) {
            List<String> items = new ArrayList<>();
            Matcher li = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(list.group(1));
            while (li.find()) items.add(li.group(1).replaceAll("<[^>]*>", "").strip());
            stacks.add(items);
        }
        return stacks;
    }

    private static String between(String s, String from, String to) {
        int start = s.indexOf(from);
        assertTrue(start >= 0, "no " + from);
        int end = s.indexOf(to, start);
        assertTrue(end > start, "no " + to + " after " + from);
        return s.substring(start, end);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
