package tandem.golden.jit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one class file: a final class with a superclass, no fields, and methods each with one
 * Code attribute. The class-file version is 49 (Java 5): its verifier infers types itself, so
 * the code needs no StackMapTable, and {@code Lookup.defineHiddenClass} accepts it.
 */
public final class ClassFileWriter {
    private static final int MAGIC = 0xCAFEBABE;
    private static final int MAJOR_VERSION = 49;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_SUPER = 0x0020;

    private final ConstantPool pool = new ConstantPool();
    private final int thisClass;
    private final int superClass;
    private final List<byte[]> methods = new ArrayList<>();

    /** A class named {@code internalName} extending {@code superName} (internal names). */
    public ClassFileWriter(String internalName, String superName) {
        thisClass = pool.classRef(internalName);
        superClass = pool.classRef(superName);
    }

    /** The constant pool, shared by the class and its methods' code. */
    public ConstantPool pool() {
        return pool;
    }

    /** New code for a method whose {@code this} and arguments fill {@code argumentSlots} locals. */
    public Bytecode code(int argumentSlots) {
        return new Bytecode(pool, argumentSlots);
    }

    /** Adds a method with {@code access} flags, name, descriptor and its finished code. */
    public void method(int access, String name, String descriptor, Bytecode code) {
        byte[] attribute = code.attribute();
        ByteArrayOutputStream b = new ByteArrayOutputStream(attribute.length + 16);
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeShort(access);
            out.writeShort(pool.utf8(name));
            out.writeShort(pool.utf8(descriptor));
            out.writeShort(1);
            out.writeShort(pool.utf8("Code"));
            out.writeInt(attribute.length);
            out.write(attribute);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        methods.add(b.toByteArray());
    }

    /** The class file. */
    public byte[] toByteArray() {
        ByteArrayOutputStream b = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeInt(MAGIC);
            out.writeShort(0);
            out.writeShort(MAJOR_VERSION);
            out.writeShort(pool.count());
            out.write(pool.toByteArray());
            out.writeShort(ACC_FINAL | ACC_SUPER);
            out.writeShort(thisClass);
            out.writeShort(superClass);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(methods.size());
            for (byte[] m : methods) {
                out.write(m);
            }
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }
}
