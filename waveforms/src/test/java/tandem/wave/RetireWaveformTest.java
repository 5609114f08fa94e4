package tandem.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.retire.RetireBuffer;

class RetireWaveformTest {

    @TempDir
    Path dir;

    private static String bits(long v, int width) {
        String s = Long.toBinaryString(v);
        return "0".repeat(width - s.length()) + s;
    }

    @Test
    void drawsRetiresTrapsRegistersAndCsrs() throws IOException {
        Path file = dir.resolve("hart.vcd");
        RetireBuffer b = new RetireBuffer(8);
        try (RetireWaveform w = RetireWaveform.open(file)) {
            b.begin(0, 0, RetireBuffer.KIND_RETIRE, 0x80000000, 0x00500513, 3);
            b.rd(0, 10, 5);
            b.end(0, 0x80000004, 3);
            b.begin(1, 1, RetireBuffer.KIND_RETIRE, 0x80000004, 0x00a52023, 3);
            b.memWrite(1, 0x1000, 0x1000, 4, 5);
            b.end(1, 0x80000008, 3);
            w.retired(b, 0, 2);
            b.begin(0, 2, RetireBuffer.KIND_TRAP, 0x80000008, 0x00000073, 3);
            b.trap(0, RetireBuffer.KIND_TRAP, 11, 0);
            b.csr(0, 0x341, 0x80000008);
            b.csr(0, 0x342, 11);
            b.end(0, 0x80000100, 3);
            b.begin(1, 3, RetireBuffer.KIND_RETIRE, 0x80000100, 0x4501, 3);
            b.rd(1, 10, 0);
            b.end(1, 0x80000102, 3);
            w.retired(b, 0, 2);
        }
        Map<String, List<String>> t = Timelines.read(file);
        long ns = 1_000_000;
        assertEquals(List.of("0:1", 5 * ns + ":0", 10 * ns + ":1", 15 * ns + ":0", 30 * ns + ":1", 35 * ns + ":0"),
                t.get("tandem.hart0.retire[1]"));
        assertEquals(List.of(10 * ns + ":1", 15 * ns + ":0"), t.get("tandem.hart0.mem_we[1]").subList(1, 3));
        assertEquals(List.of("0:0", 20 * ns + ":1", 25 * ns + ":0"), t.get("tandem.hart0.trap[1]"));
        assertEquals(List.of("0:" + bits(5, 32), 30 * ns + ":" + bits(0, 32)), t.get("tandem.hart0.regs.x10_a0[32]"));
        assertEquals(List.of("0:" + "x".repeat(32), 20 * ns + ":" + bits(0x80000008L, 32)), t.get("tandem.hart0.csrs.mepc[32]"));
        assertEquals(20 * ns + ":" + bits(11, 32), t.get("tandem.hart0.cause[32]").get(1));
        assertEquals(4, t.get("tandem.hart0.pc[32]").size());
        assertTrue(t.get("tandem.hart0.regs.x1_ra[32]").get(0).endsWith("x".repeat(32)), "never written stays x");
    }
}
