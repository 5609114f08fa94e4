package tandem.report.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.report.ReportSamples;

/** The report page rendered by a real browser: it loads cleanly and its tables are there. */
class HtmlReportChromiumTest {

    @TempDir
    Path dir;

    @Test
    void reportRendersWithNoConsoleMessagesAndAllTables() throws Exception {
        Path page = ReportDirectory.write(ReportSamples.report(), dir.resolve("out")).get(0);
        HeadlessChromium.Rendered r = HeadlessChromium.render(page, dir);
        assertEquals(List.of(), r.consoleMessages(), "the page must load without any console message");
        assertEquals(2, count(r.dom(), "<table class=\"cases\">"));
        assertEquals(7, count(r.dom(), "<table class=\"coverage\""));
        assertEquals(1, count(r.dom(), "<table class=\"window\">"));
        assertEquals(1, count(r.dom(), "<table class=\"bio\">"));
        assertEquals(2, count(r.dom(), "<svg "));
        for (String id : List.of("summary", "problems", "suites", "coverage", "divergences", "bio")) {
            assertTrue(r.dom().contains("<section id=\"" + id + "\">"), "section " + id);
        }
        // The browser parsed the table rows, not just the text: every case row made it into the DOM.
        Matcher m = Pattern.compile("<td class=\"(pass|fail|waived|skipped)\">").matcher(r.dom());
        int statuses = 0;
        while (m.find()) {
            statuses++;
        }
        assertEquals(6, statuses, "five case rows and one BIO row");
    }

    @Test
    void consoleCheckCatchesErrorsAndBlockedResources() throws Exception {
        // The harness must see what it is meant to catch, or the test above proves nothing.
        Path page = Files.writeString(dir.resolve("bad.html"), "<!DOCTYPE html><html><head>"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'\">"
                + "</head><body><img src=\"http://example.invalid/x.png\">"
                + "<script>console.error('boom');</script></body></html>");
        HeadlessChromium.Rendered r = HeadlessChromium.render(page, dir);
        assertTrue(r.consoleMessages().stream().anyMatch(s -> s.contains("\"boom\"")), r.consoleMessages().toString());
        assertTrue(r.consoleMessages().stream().anyMatch(s -> s.contains("Content Security Policy")),
                r.consoleMessages().toString());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
