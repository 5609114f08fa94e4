package tandem.dut.riscvcore;

import java.nio.file.Files;
import java.nio.file.Path;
import scala.math.BigInt;
import spinal.core.SpinalConfig;
import spinal.core.SpinalVerilog$;
import spinal.lib.cpu.riscv.impl.RiscvCore;
import spinal.lib.cpu.riscv.impl.RiscvCoreConfig;
import spinal.lib.cpu.riscv.impl.extension.BarrelShifterFullExtension;
import spinal.lib.cpu.riscv.impl.extension.DivExtension;
import spinal.lib.cpu.riscv.impl.extension.MulExtension;
import spinal.lib.cpu.riscv.impl.extension.NativeDataBusExtension;
import spinal.lib.cpu.riscv.impl.extension.NativeInstructionBusExtension;
import spinal.lib.cpu.riscv.impl.extension.SimpleInterruptExtension;

/**
 * Emits {@code RiscvCore.v}, SpinalHDL's RV32IM core from the {@code spinalhdl-lib} jar, into
 * the working directory. Run as its own JVM by {@link RiscvCoreVerilog}: SpinalHDL writes
 * relative to the current directory, prints a page of progress, holds global elaboration state
 * and needs ~160 MB, none of which belongs in the process that runs the lockstep.
 *
 * <p>Usage: {@code RiscvCoreGenerator <output-dir> <reset-vector-hex>}.
 */
public final class RiscvCoreGenerator {

    /** The simple-interrupt vector; unused since the core's interrupt mask resets to zero. */
    static final int IRQ_VECTOR = 0x20;

    private RiscvCoreGenerator() {
    }

    /** Entry point; exits non-zero when SpinalHDL produced no Verilog. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RiscvCoreGenerator <output-dir> <reset-vector-hex>");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        long resetVector = Long.parseLong(args[1], 16);
        Files.createDirectories(out);
        SpinalConfig.defaultTargetDirectory_$eq(out.toString());
        RiscvCoreConfig config = config(resetVector);
        SpinalVerilog$.MODULE$.apply(() -> new RiscvCore(config));
        if (!Files.isRegularFile(out.resolve(RiscvCoreVerilog.FILE_NAME))) {
            System.err.println("SpinalHDL finished without writing " + RiscvCoreVerilog.FILE_NAME);
            System.exit(1);
        }
    }

    /**
     * The core as Tandem uses it: RV32IM with a full barrel shifter, native instruction and
     * data buses, and the simple interrupt extension. The interrupt extension is there because
     * without it SpinalHDL's first elaboration fails on an unassigned mask register and only an
     * automatic retry succeeds; with its mask at reset (all off) it never fires. Its vector
     * is a Scala {@code Int} that must be non-negative, so it cannot sit in RAM at 0x8000_0000
     * and is left at {@link #IRQ_VECTOR}.
     */
    static RiscvCoreConfig config(long resetVector) {
        RiscvCoreConfig c = new RiscvCoreConfig(
                32,
                32,
                BigInt.apply(resetVector),
                RiscvCoreConfig.$lessinit$greater$default$4(),
                RiscvCoreConfig.$lessinit$greater$default$5(),
                RiscvCoreConfig.$lessinit$greater$default$6(),
                RiscvCoreConfig.$lessinit$greater$default$7(),
                RiscvCoreConfig.$lessinit$greater$default$8(),
                RiscvCoreConfig.$lessinit$greater$default$9(),
                RiscvCoreConfig.$lessinit$greater$default$10(),
                RiscvCoreConfig.$lessinit$greater$default$11(),
                RiscvCoreConfig.$lessinit$greater$default$12(),
                RiscvCoreConfig.$lessinit$greater$default$13(),
                RiscvCoreConfig.$lessinit$greater$default$14(),
                RiscvCoreConfig.$lessinit$greater$default$15());
        c.add(new MulExtension());
        c.add(new DivExtension());
        c.add(new BarrelShifterFullExtension());
        c.add(new NativeInstructionBusExtension());
        c.add(new NativeDataBusExtension());
        c.add(new SimpleInterruptExtension(IRQ_VECTOR));
        return c;
    }
}
