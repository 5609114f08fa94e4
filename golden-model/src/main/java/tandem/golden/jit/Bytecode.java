package tandem.golden.jit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The code of one method being written: JVM instructions and forward and backward jumps to
 * {@link Label}s. It tracks the highest local used; the operand stack limit is a fixed generous
 * bound (the generated code never nests deeply). Meant for class-file version 49 (see
 * {@link ClassFileWriter}), so no stack-map frames are needed. There is no exception table:
 * generated code stores its state before every call that may throw.
 */
public final class Bytecode {
    // Opcodes used by the code generators (JVMS chapter 6).
    public static final int ACONST_NULL = 0x01;
    public static final int LDC_W = 0x13;
    public static final int IALOAD = 0x2e;
    public static final int AALOAD = 0x32;
    public static final int BALOAD = 0x33;
    public static final int IASTORE = 0x4f;
    public static final int BASTORE = 0x54;
    public static final int POP = 0x57;
    public static final int DUP = 0x59;
    public static final int IADD = 0x60;
    public static final int LADD = 0x61;
    public static final int ISUB = 0x64;
    public static final int IMUL = 0x68;
    public static final int ISHL = 0x78;
    public static final int ISHR = 0x7a;
    public static final int IUSHR = 0x7c;
    public static final int IAND = 0x7e;
    public static final int IOR = 0x80;
    public static final int IXOR = 0x82;
    public static final int I2L = 0x85;
    public static final int I2B = 0x91;
    public static final int I2S = 0x93;
    public static final int IFEQ = 0x99;
    public static final int IFNE = 0x9a;
    public static final int IFLT = 0x9b;
    public static final int IFGE = 0x9c;
    public static final int IF_ICMPEQ = 0x9f;
    public static final int IF_ICMPNE = 0xa0;
    public static final int IF_ICMPLT = 0xa1;
    public static final int IF_ICMPGE = 0xa2;
    public static final int IF_ICMPGT = 0xa3;
    public static final int IF_ICMPLE = 0xa4;
    public static final int GOTO = 0xa7;
    public static final int IRETURN = 0xac;
    public static final int RETURN = 0xb1;
    public static final int GETFIELD = 0xb4;
    public static final int PUTFIELD = 0xb5;
    public static final int INVOKEVIRTUAL = 0xb6;
    public static final int INVOKESPECIAL = 0xb7;
    public static final int INVOKESTATIC = 0xb8;
    public static final int ARRAYLENGTH = 0xbe;
    public static final int ATHROW = 0xbf;

    private static final int ILOAD = 0x15;
    private static final int ALOAD = 0x19;
    private static final int ISTORE = 0x36;
    private static final int ASTORE = 0x3a;
    private static final int ICONST_0 = 0x03;
    private static final int BIPUSH = 0x10;
    private static final int SIPUSH = 0x11;
    private static final int MAX_STACK = 16;

    /** A position in the code, bound once, jumped to from anywhere. */
    public static final class Label {
        private int position = -1;
        private final List<Integer> uses = new ArrayList<>();
    }

    private final ConstantPool pool;
    private byte[] code = new byte[256];
    private int length;
    private int maxLocals;
    /** Labels jumped to but not bound yet. */
    private int unbound;

    /** Code whose constants go into {@code pool}; {@code argumentSlots} counts {@code this} and the arguments. */
    public Bytecode(ConstantPool pool, int argumentSlots) {
        this.pool = pool;
        this.maxLocals = argumentSlots;
    }

    /** The constant pool the code refers to. */
    public ConstantPool pool() {
        return pool;
    }

    /** One instruction without operands. */
    public Bytecode op(int opcode) {
        u1(opcode);
        return this;
    }

    /** Pushes an int constant with the shortest instruction. */
    public Bytecode iconst(int value) {
        if (value >= -1 && value <= 5) {
            u1(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            u1(BIPUSH);
            u1(value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            u1(SIPUSH);
            u2(value);
        } else {
            u1(LDC_W);
            u2(pool.integer(value));
        }
        return this;
    }

    /** Loads int local {@code n}. */
    public Bytecode iload(int n) {
        return local(ILOAD, n);
    }

    /** Stores into int local {@code n}. */
    public Bytecode istore(int n) {
        return local(ISTORE, n);
    }

    /** Loads reference local {@code n}. */
    public Bytecode aload(int n) {
        return local(ALOAD, n);
    }

    /** Stores into reference local {@code n}. */
    public Bytecode astore(int n) {
        return local(ASTORE, n);
    }

    private Bytecode local(int opcode, int n) {
        if (n > 255) {
            throw new IllegalArgumentException("local " + n + " needs wide");
        }
        u1(opcode);
        u1(n);
        maxLocals = Math.max(maxLocals, n + 1);
        return this;
    }

    /** A field access ({@link #GETFIELD}, {@link #PUTFIELD}). */
    public Bytecode field(int opcode, String owner, String name, String descriptor) {
        u1(opcode);
        u2(pool.fieldRef(owner, name, descriptor));
        return this;
    }

    /** A method call ({@link #INVOKEVIRTUAL}, {@link #INVOKESTATIC}, {@link #INVOKESPECIAL}). */
    public Bytecode invoke(int opcode, String owner, String name, String descriptor) {
        u1(opcode);
        u2(pool.methodRef(owner, name, descriptor));
        return this;
    }

    /** A conditional or unconditional jump to {@code target}. */
    public Bytecode jump(int opcode, Label target) {
        int at = length;
        u1(opcode);
        if (target.position >= 0) {
            u2(target.position - at);
        } else {
            if (target.uses.isEmpty()) {
                unbound++;
            }
            target.uses.add(at);
            u2(0);
        }
        return this;
    }

    /** Binds {@code label} here and patches the jumps already made to it. */
    public Bytecode bind(Label label) {
        if (label.position >= 0) {
            throw new IllegalStateException("label bound twice");
        }
        label.position = length;
        for (int at : label.uses) {
            int offset = length - at;
            if (offset > Short.MAX_VALUE) {
                throw new IllegalStateException("method too long for 16-bit jumps");
            }
            code[at + 1] = (byte) (offset >> 8);
            code[at + 2] = (byte) offset;
        }
        if (!label.uses.isEmpty()) {
            unbound--;
        }
        label.uses.clear();
        return this;
    }

    /** Bytes of code written so far. */
    public int length() {
        return length;
    }

    /** The Code attribute body: limits, code, an empty exception table, no nested attributes. */
    byte[] attribute() {
        if (unbound != 0) {
            throw new IllegalStateException(unbound + " label(s) jumped to but never bound");
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(length + 32);
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeShort(MAX_STACK);
            out.writeShort(maxLocals);
            out.writeInt(length);
            out.write(code, 0, length);
            out.writeShort(0);
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private void u1(int v) {
        if (length == code.length) {
            code = Arrays.copyOf(code, length * 2);
        }
        code[length++] = (byte) v;
    }

    private void u2(int v) {
        u1(v >> 8);
        u1(v);
    }
}
