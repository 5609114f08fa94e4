package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example BIO programs, each with the pin edges the model predicts, counted in BIO clocks
 * from the started cores' first active edge (edge 1 is that edge).
 *
 * <p>Checked against the Verilated tape-out RTL (bio_bdma_wrapper, Verilator 5.006, host clock
 * = BIO clock / 8, edges aligned): blink, quantum blink, FIFO echo and SPI shifter edges agree
 * cycle for cycle; the UART, host exchange and event handshake agree once the host's writes
 * land on the same cycle. These tests use the stand-alone convention (host writes land at the
 * next clock); the RTL's APB port adds 11 to 18 BIO clocks, which {@link BioConfig#apbWriteTiming}
 * models and {@code BioApbTimingTest} checks.
 */
class BioProgramsTest {

    @Test
    void quantumBlinkTogglesOnEveryQuantum() {
        Bio bio = BioPrograms.start("quantum-blink.S", 0, 0x0064_0000);
        PinRecorder pins = new PinRecorder(bio, 0x1);
        bio.run(700);
        assertEquals(List.of("107:1", "205:0", "307:1", "405:0", "507:1", "605:0"), pins.edges());
        List<Long> at = pins.cycles();
        for (int i = 3; i < at.size(); i++) {
            assertEquals(200, at.get(i) - at.get(i - 2), "after the first loop a period is two quanta of 100 clocks");
        }
    }

    @Test
    void fifoEchoBetweenTwoCoresReturnsEachWordPlusSixteen() {
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.image("fifo-echo.S"));
        bio.loadProgram(1, BioPrograms.image("fifo-echo-peer.S"));
        BioPrograms.startCores(bio, 0x3);
        PinRecorder pins = new PinRecorder(bio, 0xFF);
        bio.run(120);
        assertEquals(List.of("40:11", "65:12", "90:13", "115:14"), pins.edges());
    }

    @Test
    void hostCoreExchangeTriplesEachWordAndPulsesPinFour() {
        Bio bio = BioPrograms.start("host-exchange.S", 2, 0);
        PinRecorder pins = new PinRecorder(bio, 0x10);
        bio.run(50);
        assertEquals(0, bio.fifoLevel(3), "nothing to do before the host sends");
        bio.store(0x18, 7, 4);
        bio.store(0x18, 100, 4);
        bio.run(150);
        assertEquals(List.of("68:10", "72:0", "92:10", "96:0"), pins.edges());
        assertEquals(2, bio.load(0x0C, 4) >>> 12, "FLEVEL shows two words in FIFO 3");
        assertEquals(21, bio.load(0x2C, 4));
        assertEquals(300, bio.load(0x2C, 4));
        bio.run(2);
        assertEquals(0, bio.fifoLevel(3));
    }

    @Test
    void eventHandshakeRaisesPinAcknowledgesAndInterrupts() {
        List<String> irq = new ArrayList<>();
        Bio bio = new Bio(BioConfig.DEFAULT, new tandem.golden.bus.IrqLine[] {
            level -> irq.add(level ? "irq0 high" : "irq0 low")});
        bio.loadProgram(3, BioPrograms.image("event-handshake.S"));
        bio.store(0x70, 0x2, 4);
        BioPrograms.startCores(bio, 0x8);
        PinRecorder pins = new PinRecorder(bio, 0x100);
        bio.run(100);
        assertTrue(pins.edges().isEmpty(), "the core waits for event 0");
        bio.store(0x38, 0x1, 4);
        bio.run(100);
        assertEquals(0x2, bio.load(0x40, 4), "request cleared, acknowledge set");
        assertEquals(List.of("irq0 high"), irq);
        bio.store(0x3C, 0x2, 4);
        bio.store(0x38, 0x4, 4);
        bio.run(100);
        assertEquals(List.of("110:100", "213:0"), pins.edges());
        assertEquals(0, bio.load(0x40, 4));
        assertEquals(List.of("irq0 high", "irq0 low"), irq);
    }

    @Test
    void uartTransmitsAByteAtTheQuantumBaudRate() {
        Bio bio = BioPrograms.start("uart-tx.S", 0, 0x0064_0000);
        PinRecorder pins = new PinRecorder(bio, 0x20);
        bio.store(0x10, 0x41, 4);
        bio.run(1500);
        assertEquals(List.of("20:20", "106:0", "207:20", "306:0", "807:20", "906:0", "1007:20"), pins.edges());
        assertEquals(0x41, decodeUart(pins.edges(), 106, 100));
    }

    @Test
    void spiShifterSendsMsbFirstAndReadsTheLoopedBackWord() {
        Bio bio = BioPrograms.start("spi-shifter.S", 1, 0x0008_0000);
        PinRecorder pins = new PinRecorder(bio, 0x06);
        int[] sckRises = {0};
        int[] lastSck = {0};
        bio.setObserver(b -> {
            pins.cycle(b);
            int sck = (b.pins() >>> 2) & 1;
            if (sck == 1 && lastSck[0] == 0) {
                sckRises[0]++;
            }
            lastSck[0] = sck;
            b.drivePins(((b.pins() >>> 1) & 1) << 3);
        });
        bio.store(0x14, 0xA5C3_0F96, 4);
        bio.run(3000);
        assertEquals(List.of("61:2", "78:6", "109:2", "141:0", "158:4", "189:0"), pins.edges().subList(0, 6));
        assertEquals(32, sckRises[0]);
        assertEquals(1, bio.fifoLevel(2));
        assertEquals(0xA5C3_0F96, bio.load(0x28, 4));
        assertFalse(bio.trapped(1));
    }

    /** Samples an 8N1 frame from pin-5 edges: start bit at {@code start}, {@code bit} clocks per bit. */
    private static int decodeUart(List<String> edges, long start, long bit) {
        int value = 0;
        for (int i = 0; i < 8; i++) {
            long t = start + bit / 2 + bit * (i + 1);
            int level = 1;
            for (String e : edges) {
                long at = Long.parseLong(e.substring(0, e.indexOf(':')));
                if (at <= t) {
                    level = e.endsWith(":0") ? 0 : 1;
                }
            }
            value |= level << i;
        }
        return value;
    }
}
