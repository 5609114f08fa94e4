package tandem.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tandem.cli.CliRun;

/** {@code tandem bench bio} on a tiny run: the figure lines are printed; speed is never asserted. */
class BioBenchTest {

    @Test
    void printsTheModelsRateAndWhatItDidWithTheRtl() {
        CliRun run = CliRun.tandem("bench", "bio", "--cycles", "20000", "--repeat", "1", "--rtl-cycles", "2000");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("BIO model, 4 busy cores: "), run.out());
        assertTrue(run.out().contains("M BIO clocks/s"), run.out());
        assertTrue(run.out().contains("4 cores paced on quanta of 1000 clocks: "), run.out());
        assertTrue(run.out().contains("span replay off, the reference"), run.out());
        assertTrue(run.out().contains("BIO RTL (Verilator"), run.out());
    }

    @Test
    void jsonCarriesTheFiguresAndQuietPrintsNothing() throws Exception {
        CliRun json = CliRun.tandem("bench", "bio", "--cycles", "20000", "--repeat", "1", "--json");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode o = new ObjectMapper().readTree(json.out());
        assertEquals("bench bio", o.get("command").asText());
        assertTrue(o.get("busyClocksPerSecond").asDouble() > 0, json.out());
        assertTrue(o.get("pacedClocksPerSecond").asDouble() > 0, json.out());
        assertTrue(o.get("referenceClocksPerSecond").asDouble() > 0, json.out());
        CliRun quiet = CliRun.tandem("bench", "bio", "--cycles", "20000", "--repeat", "1", "--quiet");
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.out());
    }

    @Test
    void nonPositiveCyclesIsAUsageError() {
        CliRun run = CliRun.tandem("bench", "bio", "--cycles", "0");
        assertEquals(2, run.exitCode(), run.toString());
    }
}
