package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootCommandTest {

    @TempDir
    Path dir;

    @Test
    void builtInTestKernelBootsToItsLastMilestoneWithLogsPerUart() throws IOException {
        Path logs = dir.resolve("logs");
        CliRun run = CliRun.tandem("boot", "--platform", "precursor", "--console-dir", logs.toString());
        assertEquals(0, run.exitCode(), run.toString());
        String text = run.out();
        assertTrue(text.contains("uart | XABI KERNEL: supervisor mode started"), text);
        assertTrue(text.contains("console | XABI LOG: log server started"), text);
        assertTrue(text.contains("boot precursor (direct): stopped at pc"), text);
        assertTrue(text.contains("  reached  xabi-halt "), text);
        assertTrue(Files.readString(logs.resolve("console.log")).contains("XABI DRIVER: scenario complete"));
        assertTrue(Files.readString(logs.resolve("uart.log")).startsWith("\r\nKernel arguments:\r\n"));
    }

    @Test
    void brokenArgumentBlockIsOneLineNamingTheOffsetAndExitsTwo() throws IOException {
        Path bad = Files.write(dir.resolve("args.bin"), new byte[64]);
        CliRun run = CliRun.tandem("boot", "--platform", "baochip-1x", "--direct", "--args", bad.toString());
        assertEquals(2, run.exitCode());
        assertEquals("tandem: " + bad + ": offset 0x0: first tag is '????', expected 'XArg'\n",
                run.err().replace("\r", ""));
    }

    @Test
    void unknownPlatformIsAUsageError() {
        CliRun run = CliRun.tandem("boot", "--platform", "nosuch", "--quiet");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("tandem: no Xous boot profile for platform 'nosuch'"), run.err());
    }

    @Test
    void platformsListsBothSocMaps() {
        CliRun run = CliRun.tandem("platforms");
        assertEquals(0, run.exitCode());
        String text = run.out();
        assertTrue(text.contains("precursor: Precursor/Renode"), text);
        assertTrue(text.contains("  dev  timer0         0xf0001000..0xf0001fff litex-timer        irq 0"), text);
        assertTrue(text.contains("baochip-1x: Baochip-1x"), text);
        assertTrue(text.contains("  dev  duart          0x40042000..0x40042fff duart"), text);
        assertTrue(text.contains("xous.img at 0x6009fd00, arguments at 0x600a0000"), text);
    }

    @Test
    void fromResetRunsOurMachineModeStageFirst() throws IOException {
        CliRun run = CliRun.tandem("boot", "--platform", "baochip-1x", "--from-reset", "--json", "--console-dir",
                dir.resolve("r").toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertEquals("direct from reset", j.get("mode").asText(), run.out());
        assertEquals("stopped", j.get("stop").asText(), run.out());
        assertTrue(j.get("instructions").asLong() > 0, run.out());
        j.get("milestones").fields().forEachRemaining(m -> assertTrue(m.getValue().isNumber(), m.getKey() + " reached"));
        assertTrue(CliRun.tandem("boot", "--platform", "baochip-1x", "--from-reset", "--quiet", "--console-dir",
                dir.resolve("q").toString()).out().isEmpty(), "--quiet prints nothing when the boot passes");
    }
}
