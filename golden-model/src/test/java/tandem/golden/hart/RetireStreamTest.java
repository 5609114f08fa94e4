package tandem.golden.hart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tandem.golden.bus.Bus;
import tandem.golden.bus.Ram;
import tandem.golden.csr.Csrs;
import tandem.golden.isa.Opcode;
import tandem.golden.mmu.Pte;
import tandem.golden.mmu.Sv32Walker;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.trap.Cause;

/** What the retire stream records for retires, traps and interrupts. */
class RetireStreamTest {
    private static final long RAM = 0x8000_0000L;

    /** One record copied out of the buffer. */
    private record Rec(byte kind, int pc, int insn, int rd, int rdValue, int cause, int mmuFailure, int privAfter,
                       int memFlags, int memPaddr) {
    }

    private final Ram ram = new Ram("ram", 1 << 20, true);
    private final Hart hart;
    private final List<Rec> recs = new ArrayList<>();

    RetireStreamTest() {
        Bus bus = new Bus();
        bus.map(RAM, ram);
        hart = new Hart(Profile.VEXRISCV, bus);
        hart.setPc((int) RAM);
        hart.addRetireListener((b, from, count) -> {
            for (int s = from; s < from + count; s++) {
                recs.add(new Rec(b.kind(s), b.pc(s), b.insn(s), b.rdAddr(s), b.rdWdata(s), b.cause(s),
                        b.mmuFailure(s), b.privAfter(s), b.memFlags(s), b.memPaddr(s)));
            }
        });
    }

    private void poke(long pa, int value) {
        ram.poke((int) (pa - RAM), value, 4);
    }

    @Test
    void retiresCarryRegisterAndMemoryEffects() {
        poke(RAM, Opcode.ADDI.match() | 5 << 7 | 42 << 20);                   // addi t0, x0, 42
        poke(RAM + 4, Opcode.SW.match() | 5 << 20 | 0 << 15 | (0x100 & 0x1F) << 7 | (0x100 >> 5) << 25); // sw t0, 0x100(x0)
        hart.setX(0, 0);
        hart.run(1);
        assertEquals(1, recs.size());
        assertEquals(RetireBuffer.KIND_RETIRE, recs.get(0).kind());
        assertEquals(5, recs.get(0).rd());
        assertEquals(42, recs.get(0).rdValue());
    }

    @Test
    void aPageFaultRecordsTheCauseAndWhichCheckFailed() {
        long root = RAM + 0x1000;
        // VA 0x4000_0000 -> L0 at RAM+0x2000 whose entries are all invalid.
        poke(root + 4 * 0x100, Pte.of(RAM + 0x2000, Pte.V));
        poke(RAM, 0x0000_006F); // handler: j .
        hart.csrs().write(Csrs.MTVEC, (int) RAM);
        hart.csrs().write(Csrs.SATP, Sv32Walker.SATP_MODE_SV32 | (int) (root >>> 12));
        hart.setPrivilege(Hart.S);
        hart.setPc(0x4000_0010);
        hart.run(1);
        Rec trap = recs.get(0);
        assertEquals(RetireBuffer.KIND_TRAP, trap.kind());
        assertEquals(0x4000_0010, trap.pc());
        assertEquals(Cause.INSTRUCTION_PAGE_FAULT.xcause(), trap.cause());
        assertEquals(TranslationFailure.INVALID.ordinal() + 1, trap.mmuFailure());
        assertEquals(Hart.M, trap.privAfter());
        assertEquals(TranslationFailure.INVALID, hart.lastTranslationFailure());
    }

    @Test
    void anInterruptIsARecordOfItsOwn() {
        poke(RAM, Opcode.ADDI.match());
        poke(RAM + 0x200, 0x0000_006F);
        hart.csrs().write(Csrs.MTVEC, (int) RAM + 0x200);
        hart.csrs().write(Csrs.MIE, 1 << 11);
        hart.csrs().write(Csrs.MSTATUS, 1 << 3);
        hart.csrs().write(Csrs.VEX_MIRQ_MASK, 1 << 4);
        hart.irqArray().setLine(4, true);
        hart.run(1);
        assertEquals(RetireBuffer.KIND_INTERRUPT, recs.get(0).kind());
        assertEquals(Cause.MACHINE_EXTERNAL_INTERRUPT.xcause(), recs.get(0).cause());
        assertEquals((int) RAM, recs.get(0).pc());
        assertEquals(0, recs.get(0).mmuFailure());
    }
}
