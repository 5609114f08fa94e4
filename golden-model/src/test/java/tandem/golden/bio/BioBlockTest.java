package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;

/** FIFOs, arbitration, errata and the host register block, as bio_bdma.sv has them. */
class BioBlockTest {

    @Test
    void fifoHoldsNineWordsAndAWordIsReadableTwoCyclesAfterItsWrite() {
        BioFifo fifo = new BioFifo();
        fifo.clock(true, 0x11, false);
        assertFalse(fifo.readable(), "one cycle after the write the word is still in storage");
        fifo.clock(false, 0, false);
        assertTrue(fifo.readable());
        assertEquals(0x11, fifo.head());
        for (int i = 0; i < 9; i++) {
            fifo.clock(true, 0x20 + i, false);
        }
        assertEquals(9, fifo.level(), "eight in storage plus the output register; the tenth word is dropped");
        for (int i = 0; i < 9; i++) {
            fifo.clock(false, 0, true);
        }
        assertEquals(0, fifo.level());
        assertEquals(0x27, fifo.head(), "an empty FIFO shows the last word that left it");
    }

    @Test
    void lowerPriorityWriterLosesItsWordWithoutStalling() {
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.source("li a0, 1", "mv fifo0, a0", "li a1, 5", "ebreak"));
        bio.loadProgram(1, BioPrograms.source("li a0, 2", "mv fifo0, a0", "li a1, 5", "ebreak"));
        BioPrograms.startCores(bio, 0x3);
        bio.run(100);
        assertEquals(1, bio.fifoLevel(0));
        assertEquals(1, bio.load(0x20, 4));
        assertEquals(5, bio.x(1, 11), "core 1 went on");
    }

    @Test
    void simultaneousReadersShareOnePop() {
        Bio bio = new Bio();
        byte[] reader = BioPrograms.source("mv a0, fifo0", "ebreak");
        bio.loadProgram(0, reader);
        bio.loadProgram(1, reader);
        BioPrograms.startCores(bio, 0x3);
        bio.run(20);
        bio.store(0x10, 0xAA, 4);
        bio.run(1);
        bio.store(0x10, 0xBB, 4);
        bio.run(50);
        assertEquals(0xAA, bio.x(0, 10));
        assertEquals(0xAA, bio.x(1, 10));
        assertEquals(1, bio.fifoLevel(0));
    }

    @Test
    void setAndClearOfOnePinInOneCycleHoldIt() {
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.source("li a0, 1", "mv pinset, a0", "ebreak"));
        bio.loadProgram(1, BioPrograms.source("li a0, 0", "mv pinclr, a0", "ebreak"));
        BioPrograms.startCores(bio, 0x3);
        bio.run(50);
        assertEquals(0, bio.pins() & 1);

        Bio alone = new Bio();
        alone.loadProgram(0, BioPrograms.source("li a0, 1", "mv pinset, a0", "ebreak"));
        BioPrograms.startCores(alone, 0x1);
        alone.run(50);
        assertEquals(1, alone.pins() & 1);
    }

    @Test
    void eventWritesTakeOneWholeWordByPriority() {
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.source("li a0, 1", "mv evset, a0", "ebreak"));
        bio.loadProgram(1, BioPrograms.source("li a0, 6", "mv evset, a0", "ebreak"));
        BioPrograms.startCores(bio, 0x3);
        bio.run(50);
        assertEquals(1, bio.events());
    }

    private static int fifoLevelAfterLui(BioConfig config) {
        Bio bio = new Bio(config, null);
        // lui a0, 0x80 has 16 in bits [19:15]: the phantom rs1 field names FIFO 0.
        bio.loadProgram(0, BioPrograms.source("lui a0, 0x80", "ebreak"));
        BioPrograms.startCores(bio, 0x1);
        bio.store(0x10, 1, 4);
        bio.run(1);
        bio.store(0x10, 2, 4);
        bio.run(50);
        assertTrue(bio.trapped(0));
        return bio.fifoLevel(0);
    }

    @Test
    void luiWithFifoNumberInRs1FieldPopsOnlyWithErratumOne() {
        assertEquals(1, fifoLevelAfterLui(BioConfig.DEFAULT));
        assertEquals(2, fifoLevelAfterLui(BioConfig.DEFAULT.withErrata(false)));
    }

    @Test
    void immediateNamingTheSameFifoTurnsThePopIntoAPeek() {
        // addi a7, a6, 16: rs1 = x16 (FIFO 0) and the immediate's low bits put 16 in the rs2
        // field; the register file lets the rs2 decode (ren2 = 0 for I-type) overwrite FIFO 0's
        // pop strobe, so the core reads the FIFO head without popping or waiting.
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.source("addi a0, fifo0, 16", "addi a1, fifo0, 16", "ebreak"));
        BioPrograms.startCores(bio, 0x1);
        bio.run(40);
        assertTrue(bio.trapped(0), "did not wait on the empty FIFO");
        assertEquals(16, bio.x(0, 10));

        Bio popping = new Bio();
        popping.loadProgram(0, BioPrograms.source("addi a0, fifo0, 15", "ebreak"));
        BioPrograms.startCores(popping, 0x1);
        popping.run(40);
        assertFalse(popping.trapped(0), "imm 15 leaves the pop alone: the core waits for data");

        Bio ideal = new Bio(BioConfig.DEFAULT.withErrata(false), null);
        ideal.loadProgram(0, BioPrograms.source("addi a0, fifo0, 16", "ebreak"));
        BioPrograms.startCores(ideal, 0x1);
        ideal.run(40);
        assertFalse(ideal.trapped(0), "without the errata the read pops and waits");
    }

    private static int cyclesFor(BioConfig config, String... program) {
        Bio bio = new Bio(config, null);
        bio.loadProgram(0, BioPrograms.source(program));
        // An odd quantum period: with an even one the RAM handshake, which toggles while the
        // core is gated, can meet every quantum in its dead phase and the fetch never completes.
        bio.store(0x50, 0x003F_0000, 4);
        BioPrograms.startCores(bio, 0x1);
        bio.run(2000);
        assertEquals(2, bio.fifoLevel(1));
        int first = bio.load(0x24, 4) & 0x3FFF_FFFF;
        bio.run(1);
        return (bio.load(0x24, 4) & 0x3FFF_FFFF) - first;
    }

    @Test
    void immediateWithTwentyInRs2FieldWaitsForAQuantumOnlyWithErratumTwo() {
        String[] program = {".option norvc", "mv fifo1, clk", "nop", "addi a1, a1, 20", "nop", "mv fifo1, clk", "ebreak"};
        int withErratum = cyclesFor(BioConfig.DEFAULT, program);
        int without = cyclesFor(BioConfig.DEFAULT.withErrata(false), program);
        assertTrue(without < 20, "three plain instructions take a few cycles each, took " + without);
        assertTrue(withErratum > 100, "the phantom x20 read waits for 63-clock quanta, took " + withErratum);
    }

    @Test
    void compressedShiftByTwentyAlsoWaitsForAQuantum() {
        int cycles = cyclesFor(BioConfig.DEFAULT, "mv fifo1, clk", "nop", "c.slli a1, 20", "nop", "mv fifo1, clk", "ebreak");
        assertTrue(cycles > 100, "took " + cycles);
    }

    @Test
    void phantomQuantumWaitRepeatsThePreviousInstructionsFifoPush() {
        // The shift is decoded while the mv is still writing back; the ungated x20 wait freezes
        // the core in that writeback, and the FIFO strobe is not gated by the stall.
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.source("mv fifo1, clk", "c.slli a1, 20", "ebreak"));
        bio.store(0x50, 0x0040_0000, 4);
        BioPrograms.startCores(bio, 0x1);
        bio.run(200);
        assertEquals(9, bio.fifoLevel(1), "the push repeats every clock until the FIFO is full");
        Bio fixed = new Bio(BioConfig.DEFAULT.withErrata(false), null);
        fixed.loadProgram(0, BioPrograms.source("mv fifo1, clk", "c.slli a1, 20", "ebreak"));
        fixed.store(0x50, 0x0040_0000, 4);
        BioPrograms.startCores(fixed, 0x1);
        fixed.run(200);
        assertEquals(1, fixed.fifoLevel(1));
    }

    @Test
    void restartOfACoreEmptiesItsFifo() {
        Bio bio = new Bio();
        bio.store(0x18, 1, 4);
        bio.run(1);
        bio.store(0x18, 2, 4);
        bio.run(5);
        assertEquals(2, bio.fifoLevel(2));
        bio.store(0x00, 0x040, 4);
        bio.run(30);
        assertEquals(0, bio.fifoLevel(2));
    }

    @Test
    void restartNeedsTheCoreEnabledBecauseTheResetIsSynchronous() {
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.source("li a0, 7", "ebreak"));
        BioPrograms.startCores(bio, 0x1);
        bio.run(50);
        assertTrue(bio.trapped(0));
        bio.store(0x00, 0x010, 4); // RESTART with EN = 0: the gated clock never sees the reset
        bio.run(40);
        bio.store(0x00, 0x001, 4);
        bio.run(40);
        assertTrue(bio.trapped(0), "still trapped");
        bio.store(0x00, 0x011, 4);
        bio.run(26);
        assertFalse(bio.trapped(0), "restarted while enabled: running again from 0");
        bio.run(40);
        assertTrue(bio.trapped(0), "and at the ebreak again");
    }

    @Test
    void hostRegistersBehaveAsTheRtl() {
        Bio bio = new Bio();
        assertEquals(0x1000_0408, bio.load(0x04, 4));
        bio.loadProgram(2, BioPrograms.source("mv fifo3, clk", "nop", "ebreak"));
        bio.store(0x00, 0x444, 4);
        assertEquals(0x4, bio.load(0x00, 4), "CTRL reads back only the enables");
        bio.run(100);
        int word = bio.load(0x20 + 4 * 3, 4);
        assertEquals(2, word >>> 30, "x31 carries the core number in [31:30]");
        assertEquals(0x1000 | 4, bio.load(0x98, 4), "DBG2: trapped at the ebreak after pc 4");
        assertEquals(word, bio.load(0x2C, 4), "an empty RXF returns the last word again");
        bio.store(0x3000, 0x1234_5678, 4);
        assertEquals(0x1234_5678, bio.load(0x3000, 4) == 0x1234_5678 ? 0 : 0x1234_5678,
                "the code window ignores writes while the core is enabled");
        bio.store(0x00, 0, 4);
        bio.run(1);
        bio.store(0x3000, 0x1234_5678, 4);
        assertEquals(0x1234_5678, bio.load(0x3000, 4));
    }

    @Test
    void aliasPagesReachTheirOwnFifo() {
        Bio bio = new Bio();
        bio.store(0x6000 + 0x14, 0x55, 4);
        bio.run(3);
        assertEquals(1, bio.fifoLevel(1));
        assertEquals(0x10, bio.load(0x8000 + 0x0C, 4) & 0xF0);
        assertEquals(0x55, bio.load(0x6000 + 0x24, 4));
    }

    @Test
    void fractionalDividerDithersBetweenNeighbouringPeriods() {
        QuantumDivider divider = new QuantumDivider();
        divider.configure(2, 0x80);
        int pulses = 0;
        for (int i = 0; i < 2510; i++) {
            divider.clock(false);
            if (i >= 10 && divider.penable()) {
                pulses++;
            }
        }
        assertEquals(1000, pulses, "DIV 2.5 gives 1000 pulses in 2500 clocks");
    }

    @Test
    void dataSectionsFollowTheCodeInTheCoresRam() {
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.source("la a0, table", "lw a1, 4(a0)", "ebreak",
                ".data", "table: .word 0x11111111, 0x12345678"));
        BioPrograms.startCores(bio, 0x1);
        bio.run(60);
        assertEquals(0x1234_5678, bio.x(0, 11));
    }

    @Test
    void assemblerErrorsNameTheSourceLine(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("broken.S");
        Files.writeString(source, ".text\n  addi a0, a0\n");
        TandemException e = assertThrows(TandemException.class, () -> BioAssembler.assemble(source));
        assertTrue(e.getMessage().contains("broken.S:2"), e.getMessage());
    }
}
