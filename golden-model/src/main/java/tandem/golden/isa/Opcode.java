package tandem.golden.isa;

/**
 * Every instruction the golden model knows, as data: mnemonic, extension, operand format and
 * the match/mask pair of its 32-bit encoding ({@code (bits & mask) == match}). Compressed
 * instructions have no rows: {@link Compressed} expands them to these.
 *
 * <p>The rows are in the order of the unprivileged and privileged specs' opcode listings.
 * {@code OpcodeTest} checks that no two rows overlap.
 */
public enum Opcode {
    // RV32I
    LUI("lui", Extension.I, Format.U, 0x00000037, 0x0000007F),
    AUIPC("auipc", Extension.I, Format.U, 0x00000017, 0x0000007F),
    JAL("jal", Extension.I, Format.J, 0x0000006F, 0x0000007F),
    JALR("jalr", Extension.I, Format.LOAD, 0x00000067, 0x0000707F),
    BEQ("beq", Extension.I, Format.B, 0x00000063, 0x0000707F),
    BNE("bne", Extension.I, Format.B, 0x00001063, 0x0000707F),
    BLT("blt", Extension.I, Format.B, 0x00004063, 0x0000707F),
    BGE("bge", Extension.I, Format.B, 0x00005063, 0x0000707F),
    BLTU("bltu", Extension.I, Format.B, 0x00006063, 0x0000707F),
    BGEU("bgeu", Extension.I, Format.B, 0x00007063, 0x0000707F),
    LB("lb", Extension.I, Format.LOAD, 0x00000003, 0x0000707F),
    LH("lh", Extension.I, Format.LOAD, 0x00001003, 0x0000707F),
    LW("lw", Extension.I, Format.LOAD, 0x00002003, 0x0000707F),
    LBU("lbu", Extension.I, Format.LOAD, 0x00004003, 0x0000707F),
    LHU("lhu", Extension.I, Format.LOAD, 0x00005003, 0x0000707F),
    SB("sb", Extension.I, Format.S, 0x00000023, 0x0000707F),
    SH("sh", Extension.I, Format.S, 0x00001023, 0x0000707F),
    SW("sw", Extension.I, Format.S, 0x00002023, 0x0000707F),
    ADDI("addi", Extension.I, Format.I, 0x00000013, 0x0000707F),
    SLTI("slti", Extension.I, Format.I, 0x00002013, 0x0000707F),
    SLTIU("sltiu", Extension.I, Format.I, 0x00003013, 0x0000707F),
    XORI("xori", Extension.I, Format.I, 0x00004013, 0x0000707F),
    ORI("ori", Extension.I, Format.I, 0x00006013, 0x0000707F),
    ANDI("andi", Extension.I, Format.I, 0x00007013, 0x0000707F),
    SLLI("slli", Extension.I, Format.SHIFT, 0x00001013, 0xFE00707F),
    SRLI("srli", Extension.I, Format.SHIFT, 0x00005013, 0xFE00707F),
    SRAI("srai", Extension.I, Format.SHIFT, 0x40005013, 0xFE00707F),
    ADD("add", Extension.I, Format.R, 0x00000033, 0xFE00707F),
    SUB("sub", Extension.I, Format.R, 0x40000033, 0xFE00707F),
    SLL("sll", Extension.I, Format.R, 0x00001033, 0xFE00707F),
    SLT("slt", Extension.I, Format.R, 0x00002033, 0xFE00707F),
    SLTU("sltu", Extension.I, Format.R, 0x00003033, 0xFE00707F),
    XOR("xor", Extension.I, Format.R, 0x00004033, 0xFE00707F),
    SRL("srl", Extension.I, Format.R, 0x00005033, 0xFE00707F),
    SRA("sra", Extension.I, Format.R, 0x40005033, 0xFE00707F),
    OR("or", Extension.I, Format.R, 0x00006033, 0xFE00707F),
    AND("and", Extension.I, Format.R, 0x00007033, 0xFE00707F),
    FENCE("fence", Extension.I, Format.FENCE, 0x0000000F, 0x0000707F),
    ECALL("ecall", Extension.PRIV, Format.NONE, 0x00000073, 0xFFFFFFFF),
    EBREAK("ebreak", Extension.PRIV, Format.NONE, 0x00100073, 0xFFFFFFFF),

    // Zifencei
    FENCE_I("fence.i", Extension.ZIFENCEI, Format.NONE, 0x0000100F, 0x0000707F),

    // Zicsr
    CSRRW("csrrw", Extension.ZICSR, Format.CSR, 0x00001073, 0x0000707F),
    CSRRS("csrrs", Extension.ZICSR, Format.CSR, 0x00002073, 0x0000707F),
    CSRRC("csrrc", Extension.ZICSR, Format.CSR, 0x00003073, 0x0000707F),
    CSRRWI("csrrwi", Extension.ZICSR, Format.CSRI, 0x00005073, 0x0000707F),
    CSRRSI("csrrsi", Extension.ZICSR, Format.CSRI, 0x00006073, 0x0000707F),
    CSRRCI("csrrci", Extension.ZICSR, Format.CSRI, 0x00007073, 0x0000707F),

    // M
    MUL("mul", Extension.M, Format.R, 0x02000033, 0xFE00707F),
    MULH("mulh", Extension.M, Format.R, 0x02001033, 0xFE00707F),
    MULHSU("mulhsu", Extension.M, Format.R, 0x02002033, 0xFE00707F),
    MULHU("mulhu", Extension.M, Format.R, 0x02003033, 0xFE00707F),
    DIV("div", Extension.M, Format.R, 0x02004033, 0xFE00707F),
    DIVU("divu", Extension.M, Format.R, 0x02005033, 0xFE00707F),
    REM("rem", Extension.M, Format.R, 0x02006033, 0xFE00707F),
    REMU("remu", Extension.M, Format.R, 0x02007033, 0xFE00707F),

    // A
    LR_W("lr.w", Extension.A, Format.LR, 0x1000202F, 0xF9F0707F),
    SC_W("sc.w", Extension.A, Format.AMO, 0x1800202F, 0xF800707F),
    AMOSWAP_W("amoswap.w", Extension.A, Format.AMO, 0x0800202F, 0xF800707F),
    AMOADD_W("amoadd.w", Extension.A, Format.AMO, 0x0000202F, 0xF800707F),
    AMOXOR_W("amoxor.w", Extension.A, Format.AMO, 0x2000202F, 0xF800707F),
    AMOAND_W("amoand.w", Extension.A, Format.AMO, 0x6000202F, 0xF800707F),
    AMOOR_W("amoor.w", Extension.A, Format.AMO, 0x4000202F, 0xF800707F),
    AMOMIN_W("amomin.w", Extension.A, Format.AMO, 0x8000202F, 0xF800707F),
    AMOMAX_W("amomax.w", Extension.A, Format.AMO, 0xA000202F, 0xF800707F),
    AMOMINU_W("amominu.w", Extension.A, Format.AMO, 0xC000202F, 0xF800707F),
    AMOMAXU_W("amomaxu.w", Extension.A, Format.AMO, 0xE000202F, 0xF800707F),

    // Privileged
    SRET("sret", Extension.PRIV, Format.NONE, 0x10200073, 0xFFFFFFFF),
    MRET("mret", Extension.PRIV, Format.NONE, 0x30200073, 0xFFFFFFFF),
    WFI("wfi", Extension.PRIV, Format.NONE, 0x10500073, 0xFFFFFFFF),
    SFENCE_VMA("sfence.vma", Extension.PRIV, Format.SFENCE, 0x12000073, 0xFE007FFF),

    // Zkne / Zknd scalar AES for RV32 (bs in bits 31:30)
    AES32ESI("aes32esi", Extension.ZKN_AES, Format.AES, 0x22000033, 0x3E00707F),
    AES32ESMI("aes32esmi", Extension.ZKN_AES, Format.AES, 0x26000033, 0x3E00707F),
    AES32DSI("aes32dsi", Extension.ZKN_AES, Format.AES, 0x2A000033, 0x3E00707F),
    AES32DSMI("aes32dsmi", Extension.ZKN_AES, Format.AES, 0x2E000033, 0x3E00707F),

    // VexRiscv custom: data-cache flush, no architectural effect
    VEX_DCACHE_FLUSH("vex.flush", Extension.VEX_FLUSH, Format.NONE, 0x0000500F, 0xFFFFFFFF);

    private final String mnemonic;
    private final Extension extension;
    private final Format format;
    private final int match;
    private final int mask;

    Opcode(String mnemonic, Extension extension, Format format, int match, int mask) {
        this.mnemonic = mnemonic;
        this.extension = extension;
        this.format = format;
        this.match = match;
        this.mask = mask;
    }

    /** Assembly mnemonic as GNU as spells it. */
    public String mnemonic() { return mnemonic; }
    /** Extension the instruction belongs to. */
    public Extension extension() { return extension; }
    /** Operand format. */
    public Format format() { return format; }
    /** Fixed bits of the encoding. */
    public int match() { return match; }
    /** Which bits of the encoding are fixed. */
    public int mask() { return mask; }

    /** Whether {@code bits} is an encoding of this instruction. */
    public boolean matches(int bits) {
        return (bits & mask) == match;
    }
}
