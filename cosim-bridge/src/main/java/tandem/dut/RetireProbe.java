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
            "RegFilePlugin_regFile")),

    /** The RVFI port of VexRiscv's FormalPlugin (ports {@code rvfi_*}), plus the register file. */
    RVFI(List.of("rvfi_valid", "rvfi_pc_rdata", "rvfi_insn", "rvfi_rd_addr", "rvfi_rd_wdata", "rvfi_mode",
            "rvfi_mem_addr", "rvfi_mem_wmask", "rvfi_mem_wdata", "RegFilePlugin_regFile"));

    private final List<String> signals;

    RetireProbe(List<String> signals) {
        this.signals = signals;
    }

    /** The signals always read, relative to the top module. */
    public List<String> signals() {
        return signals;
    }

    /**
     * The signals read for {@code top}: {@link #signals()}, and for RVFI also VexRiscv's
     * interrupt jump and code when the source has them (RVFI itself never flags VexRiscv's
     * interrupts).
     */
    public List<String> signalsFor(TopModule top) {
        if (this != RVFI) {
            return signals;
        }
        String text = TopModule.read(top.file());
        if (!text.contains("CsrPlugin_interruptJump") || !text.contains("CsrPlugin_interrupt_code")) {
            return signals;
        }
        List<String> all = new java.util.ArrayList<>(signals);
        all.add("CsrPlugin_interruptJump");
        all.add("CsrPlugin_interrupt_code");
        return List.copyOf(all);
    }

    /**
     * The probe for {@code top} driven as {@code shape}: RiscvCore's for its native bus, RVFI
     * when the top has an {@code rvfi_valid} port, else VexRiscv's last-stage signals, which must
     * be declared in the top's source.
     */
    public static RetireProbe of(TopModule top, BusShape shape) {
        if (shape == BusShape.RISCVCORE_NATIVE) {
            return RISCVCORE;
        }
        if (top.hasPort("rvfi_valid")) {
            return RVFI;
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
