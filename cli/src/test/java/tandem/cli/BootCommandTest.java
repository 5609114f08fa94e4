package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BootCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int tandem(String... args) {
        CommandLine cl = Tandem.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void builtInTestKernelBootsToItsLastMilestoneWithLogsPerUart() throws IOException {
        Path logs = dir.resolve("logs");
        int code = tandem("boot", "--platform", "precursor", "--console-dir", logs.toString());
        assertEquals(0, code, out + "\n" + err);
        String text = out.toString();
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
        int code = tandem("boot", "--platform", "baochip-1x", "--direct", "--args", bad.toString());
        assertEquals(2, code);
        assertEquals("tandem: " + bad + ": offset 0x0: first tag is '????', expected 'XArg'\n",
                err.toString().replace("\r", ""));
    }

    @Test
    void unknownPlatformIsAUsageError() {
        assertEquals(2, tandem("boot", "--platform", "nosuch", "--quiet"));
        assertTrue(err.toString().startsWith("tandem: no Xous boot profile for platform 'nosuch'"), err.toString());
    }

    @Test
    void platformsListsBothSocMaps() {
        assertEquals(0, tandem("platforms"));
        String text = out.toString();
        assertTrue(text.contains("precursor: Precursor/Renode"), text);
        assertTrue(text.contains("  dev  timer0         0xf0001000..0xf0001fff litex-timer        irq 0"), text);
        assertTrue(text.contains("baochip-1x: Baochip-1x"), text);
        assertTrue(text.contains("  dev  duart          0x40042000..0x40042fff duart"), text);
        assertTrue(text.contains("xous.img at 0x6009fd00, arguments at 0x600a0000"), text);
    }

    @Test
    void fromResetRunsOurMachineModeStageFirst() {
        int code = tandem("boot", "--platform", "baochip-1x", "--from-reset", "--quiet", "--console-dir",
                dir.resolve("r").toString());
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().startsWith("boot baochip-1x (direct from reset): stopped at pc"), out.toString());
    }
}
