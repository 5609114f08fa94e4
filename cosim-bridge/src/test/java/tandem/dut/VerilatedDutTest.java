package tandem.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tandem.testing.RiscvCoreFixture;
import tandem.testing.Rv32Programs;

/** The Verilated RiscvCore on its own: runs programs, reports retires, serves MMIO from Java. */
class VerilatedDutTest {

    private static final long RAM = 0x8000_0000L;

    /** Records MMIO accesses; the finisher write stops the run. */
    static final class Devices implements MmioHandler {
        final List<String> log = new ArrayList<>();
        int finisher = -1;

        @Override
        public int load(int address, int size) {
            log.add(String.format("load %08x/%d", address, size));
            return 0x1234_0000 | (address & 0xFFFF);
        }

        @Override
        public void store(int address, int value, int size) {
            log.add(String.format("store %08x/%d=%08x", address, size, value));
            if (address == 0x0010_0000) {
                finisher = value;
            }
        }
    }

    static VerilatedDut load(Path elf, VerilatedDut.Options options, MmioHandler mmio) throws Exception {
        VerilatedDut dut = VerilatedDut.open(RiscvCoreFixture.library(), options, mmio);
        for (Rv32Programs.Segment s : Rv32Programs.segments(elf)) {
            dut.loadRam(s.address(), s.data());
        }
        dut.reset();
        return dut;
    }

    @Test
    void arithmeticProgramRetiresAndPassesOnTheRtl() throws Exception {
        Devices dev = new Devices();
        RetireBatch batch = new RetireBatch(4096);
        DutRetire r = new DutRetire();
        long retired = 0;
        int firstPc = 0;
        try (VerilatedDut dut = load(Rv32Programs.elf("arith.S"), VerilatedDut.Options.ram(RAM, 1 << 16), dev)) {
            while (dev.finisher < 0 && dut.cycles() < 1_000_000) {
                StopReason why = dut.run(100_000, batch);
                if (retired == 0 && batch.count() > 0) {
                    firstPc = batch.read(0, r).pc;
                }
                retired += batch.count();
                assertTrue(why != StopReason.FATAL && why != StopReason.STALL && why != StopReason.FETCH_FAULT,
                        "unexpected stop " + why);
            }
            assertEquals(0x5555, dev.finisher, "program reported failure: " + dev.log);
            assertEquals((int) RAM, firstPc);
            assertEquals(338350, dut.registers()[28], "x28 holds the loop sum the program checked");
            assertEquals(0x0010_0000, dut.registers()[31], "t6 holds the finisher address");
            assertTrue(retired > 400, "retired " + retired);
            assertEquals(retired, dut.retires());
        }
    }

    @Test
    void memoryProgramPassesWithWaitStatesAndBackPressure() throws Exception {
        Devices dev = new Devices();
        RetireBatch batch = new RetireBatch(256);
        var opts = VerilatedDut.Options.ram(RAM, 1 << 16).timing(3, 30, 42);
        try (VerilatedDut dut = load(Rv32Programs.elf("memory.S"), opts, dev)) {
            while (dev.finisher < 0 && dut.cycles() < 2_000_000) {
                StopReason why = dut.run(50_000, batch);
                assertTrue(why != StopReason.FATAL && why != StopReason.STALL, "unexpected stop " + why);
            }
            assertEquals(0x5555, dev.finisher, "program reported failure: " + dev.log);
        }
    }
}
