package tandem.boot.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tandem.boot.xabi.XabiImage;
import tandem.golden.TandemException;

class ArgumentBlockTest {

    @Test
    void crc16X25MatchesItsCheckValue() {
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x906E, Crc16X25.of(b, 0, b.length));
    }

    @Test
    void xabiImageParsesBackWithLoaderTagOrderNamesAndValidCrcs() {
        ArgumentBlock b = ArgumentBlock.parse(XabiImage.build("precursor").argumentBlock(), "xabi.bin");
        assertEquals(List.of("XArg", "MREx", "Bflg", "IniE", "IniE", "IniE", "IniE", "IniE", "XKrn", "PNam"),
                b.tags().stream().map(Tag::name).toList());
        assertTrue(b.badCrcTags().isEmpty());
        assertEquals(0x4000_0000L, b.ramStart());
        assertEquals(16L << 20, b.ramSize());
        assertEquals(0xFFD0_0000L, b.kernel().textVaddr());
        assertEquals(0xFFD8_0000L, b.kernel().dataVaddr());
        assertEquals(5, b.processes().size());
        assertEquals("kernel", b.processName(1));
        assertEquals("driver", b.processName(4));
        assertEquals(0x1_0000L, b.processes().get(0).sections().get(0).vaddr());
        assertTrue(b.describe().startsWith("Kernel arguments:\n    XArg (67724158, 20 bytes): "));
    }

    @Test
    void payloadOffsetsArePageAligned() {
        ArgumentBlock b = ArgumentBlock.parse(XabiImage.build("baochip-1x").argumentBlock(), "xabi.bin");
        for (MiniElf m : b.processes()) {
            assertEquals(0, m.loadOffset() % 4096);
        }
        assertEquals(0, b.kernel().loadOffset() % 4096);
        assertEquals(0x6100_0000L, b.ramStart());
    }

    /** A block of hand-written tags: each entry is a fourcc followed by its data words. */
    private static byte[] block(int extraBytes, Object[]... tags) {
        int words = 0;
        for (Object[] t : tags) {
            words += 2 + ((int[]) t[1]).length;
        }
        ByteBuffer b = ByteBuffer.allocate(words * 4 + extraBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (Object[] t : tags) {
            int[] d = (int[]) t[1];
            b.putInt(Tag.fourcc((String) t[0]));
            b.putShort((short) 0);
            b.putShort((short) d.length);
            for (int w : d) {
                b.putInt(w);
            }
        }
        byte[] out = b.array();
        if (((String) tags[0][0]).equals("XArg")) {
            ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(8, words);
        }
        return out;
    }

    private static Object[] tag(String name, int... data) {
        return new Object[] {name, data};
    }

    private static final Object[] XARG = tag("XArg", 0, 1, 0x4000_0000, 0x0100_0000, Tag.fourcc("SrEx"));

    private static String error(byte[] bytes) {
        return assertThrows(TandemException.class, () -> ArgumentBlock.parse(bytes, "bad.bin")).getMessage();
    }

    @Test
    void xargNotFirstIsRejectedAtOffsetZero() {
        byte[] b = block(0, tag("Bflg", 0), XARG);
        assertEquals("bad.bin: offset 0x0: first tag is 'Bflg', expected 'XArg'", error(b));
    }

    @Test
    void unknownTagNamesItsOffset() {
        String m = error(block(0, XARG, tag("Zzzz", 1)));
        assertEquals("bad.bin: offset 0x1c: unknown tag 'Zzzz' (7a7a7a5a)", m);
    }

    @Test
    void tagRunningPastTheAreaIsRejected() {
        byte[] b = block(0, XARG, tag("Bflg", 0));
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(0x1c + 6, (short) 9);
        assertEquals("bad.bin: tag 'Bflg' at offset 0x1c: size 9 words runs past the tag area (ends at 0x28)", error(b));
    }

    @Test
    void overlappingSectionsAreRejected() {
        byte[] b = block(0x100, XARG, tag("IniE", 0x40, 0x10000, 0x10000, 0x2000, 0x11000, 0x100));
        assertTrue(error(b).startsWith("bad.bin: tag 'IniE' at offset 0x1c: PID 2 section 1 at 0x00011000 overlaps"),
                error(b));
    }

    @Test
    void kernelTooBigForItsWindowIsRejected() {
        byte[] b = block(0x100, XARG, tag("XKrn", 0x40, 0xFFD0_0000, 0x9_0000, 0xFFD8_0000, 0, 0, 0xFFD0_0000));
        assertTrue(error(b).contains("tag 'XKrn' at offset 0x1c: kernel text of 589824 bytes does not fit"), error(b));
    }

    @Test
    void payloadOutsideTheBlockIsRejected() {
        byte[] b = block(0x10, XARG, tag("XKrn", 0x40, 0xFFD0_0000, 0x1000, 0xFFD8_0000, 0, 0, 0xFFD0_0000));
        assertTrue(error(b).contains("payload 0x40+0x1000 lies outside"), error(b));
    }

    @Test
    void missingKernelIsReported() {
        assertEquals("bad.bin: no XKrn (kernel) tag", error(block(0, XARG)));
    }

    @Test
    void wrongCrcIsReportedButNotFatal() {
        byte[] b = XabiImage.build("precursor").argumentBlock();
        b[4] ^= 0x55;
        ArgumentBlock parsed = ArgumentBlock.parse(b, "crc.bin");
        assertEquals(List.of("XArg"), parsed.badCrcTags().stream().map(Tag::name).toList());
        assertTrue(parsed.describe().contains("[CRC mismatch: stored "), parsed.describe());
    }
}
