package tandem.dut;

import java.util.List;
import tandem.golden.TandemException;

/**
 * Where the harness sees instructions retire: internal signals of the CPU, made readable with
 * Verilator {@code public_flat_rd} (only these, so the rest of the design keeps full
 * optimisation). Selected in the harness by {@code TANDEM_PROBE_*}.
 */
public enum RetireProbe {

    /** SpinalHDL RiscvCore's write-back stage and register file. */
    RISCVCORE(List.of("writeBack_inInst_valid", "writeBack_inInst_ready", "writeBack_pcLoad_valid",
            "writeBack_inInst_payload_pc", "writeBack_inInst_payload_instruction",
            "writeBack_regFileWrite_valid", "writeBack_regFileWrite_payload_address",
            "writeBack_regFileWrite_payload_data", "regFile")),

    /**
     * VexRiscv's last stage, as its own simulation harness reads it (LiteX and Baochip-1x builds
     * mark these {@code verilator public}): firing, pc, instruction, register write, privilege,
     * interrupt jump and code, WFI.
     */
    VEXRISCV(List.of("lastStageIsFiring", "lastStagePc", "lastStageInstruction", "lastStageRegFileWrite_valid",
            "lastStageRegFileWrite_payload_address", "lastStageRegFileWrite_payload_data",
            "CsrPlugin_privilege", "CsrPlugin_interruptJump", "CsrPlugin_interrupt_code", "CsrPlugin_inWfi",
            "RegFilePlugin_regFile"));

    private final List<String> signals;

    RetireProbe(List<String> signals) {
        this.signals = signals;
    }

    /** The internal signals read, relative to the top module. */
    public List<String> signals() {
        return signals;
    }

    /**
     * The probe for {@code top} driven as {@code shape}: RiscvCore's for its native bus, else
     * VexRiscv's, whose signals must be declared in the top's source.
     */
    public static RetireProbe of(TopModule top, BusShape shape) {
        if (shape == BusShape.RISCVCORE_NATIVE) {
            return RISCVCORE;
        }
        String text = TopModule.read(top.file());
        for (String s : VEXRISCV.signals) {
            if (!text.contains(s)) {
                throw new TandemException(top.file() + ": module " + top.name() + " has no signal " + s
                        + "; the retire probe reads VexRiscv's last-stage signals: " + String.join(", ", VEXRISCV.signals));
            }
        }
        return VEXRISCV;
    }
}
