package tandem.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import tandem.golden.TandemException;

class WaveDiffTest {

    private static final String GOLDEN = """
            $timescale 1ns $end
            $scope module tandem $end $scope module bio $end
            $var wire 32 ! gpio_out [31:0] $end
            $var wire 4 " level [3:0] $end
            $upscope $end $upscope $end
            $enddefinitions $end
            #0
            b0 !
            b0 "
            #10
            b1000 !
            b11 "
            #20
            b1100 !
            #30
            b0100 !
            """;

    /** The RTL side: bit-blasted pins, a level bus declared [4:1], one pin late at 20 ns. */
    private static final String RTL = """
            $timescale 100ps $end
            $scope module TOP $end
            $var wire 1 a pin [2] $end
            $var wire 1 b pin [3] $end
            $var wire 4 c lvl [4:1] $end
            $upscope $end
            $enddefinitions $end
            #0
            0a
            0b
            b0 c
            #100
            1b
            b11 c
            #210
            1a
            #300
            0b
            """;

    private static WaveDiff.Result diff(String map) {
        return WaveDiff.compare(new VcdReader(new StringReader(GOLDEN), "golden.vcd"),
                new VcdReader(new StringReader(RTL), "rtl.vcd"), SignalMap.parse(map));
    }

    @Test
    void bitSelectsPairVectorBitsWithBitBlastedPins() {
        WaveDiff.Result r = diff("tandem.bio.gpio_out[2]=TOP.pin[2],tandem.bio.gpio_out[3]=TOP.pin[3],"
                + "tandem.bio.level[1:0]=TOP.lvl[2:1],tandem.bio.level=TOP.lvl");
        assertEquals(List.of("tandem.bio.gpio_out[2]=TOP.pin[2]", "tandem.bio.gpio_out[3]=TOP.pin[3]",
                "tandem.bio.level[1:0]=TOP.lvl[2:1]", "tandem.bio.level=TOP.lvl"), r.pairs());
        assertEquals(1, r.differences().size());
        WaveDiff.Difference d = r.differences().get(0);
        assertEquals("tandem.bio.gpio_out[2]", d.nameA());
        assertEquals("20 ns", WaveDiff.formatTime(d.timeFs()));
        assertEquals("1", d.valueA());
        assertEquals("0", d.valueB());
        assertEquals(14, d.lineA());
        assertTrue(r.onlyInA().isEmpty(), r.onlyInA().toString());
    }

    @Test
    void badSelectsAndWidthsAreInputErrors() {
        TandemException e = assertThrows(TandemException.class, () -> diff("tandem.bio.level[4]=TOP.pin[2]"));
        assertEquals("--map 'tandem.bio.level[4]=TOP.pin[2]': bits [4] are outside tandem.bio.level [3:0] in golden.vcd",
                e.getMessage());
        e = assertThrows(TandemException.class, () -> diff("tandem.bio.level=TOP.pin[2]"));
        assertEquals("--map 'tandem.bio.level=TOP.pin[2]': cannot compare tandem.bio.level (4 bits) with TOP.pin[2] (1 bits)",
                e.getMessage());
        e = assertThrows(TandemException.class, () -> diff("tandem.bio.nothing=TOP.pin[2]"));
        assertEquals("--map 'tandem.bio.nothing=TOP.pin[2]': unknown signal 'tandem.bio.nothing' in golden.vcd", e.getMessage());
        e = assertThrows(TandemException.class, () -> diff(""));
        assertEquals("golden.vcd and rtl.vcd have no signal names in common; pair them with --map a=b", e.getMessage());
    }

    @Test
    void formatsValuesAndTimes() {
        assertEquals("0x0c", WaveDiff.format("00001100"));
        assertEquals("0x1f", WaveDiff.format("11111"));
        assertEquals("b1x0z", WaveDiff.format("1x0z"));
        assertEquals("1", WaveDiff.format("1"));
        assertEquals("r0.5", WaveDiff.format("r0.5"));
        assertEquals("1500 ps", WaveDiff.formatTime(1_500_000));
        assertEquals("3 s", WaveDiff.formatTime(3_000_000_000_000_000L));
        assertEquals("0", WaveDiff.formatTime(0));
    }
}
