package tandem.golden.jit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The constant pool of one class file being written: each distinct entry is added once and
 * referred to by its index. Only the entry kinds generated code needs exist (UTF-8, Integer,
 * Class, NameAndType, Fieldref, Methodref).
 */
public final class ConstantPool {
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int CLASS = 7;
    private static final int FIELDREF = 9;
    private static final int METHODREF = 10;
    private static final int NAME_AND_TYPE = 12;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Integer> indices = new HashMap<>();
    private int next = 1;

    /** A CONSTANT_Utf8 entry. */
    public int utf8(String s) {
        return entry("U" + s, () -> {
            out.writeByte(UTF8);
            out.writeUTF(s);
        });
    }

    /** A CONSTANT_Integer entry (for {@code ldc}). */
    public int integer(int value) {
        return entry("I" + value, () -> {
            out.writeByte(INTEGER);
            out.writeInt(value);
        });
    }

    /** A CONSTANT_Class entry for an internal name ({@code tandem/golden/hart/Hart}). */
    public int classRef(String internalName) {
        int name = utf8(internalName);
        return entry("C" + internalName, () -> {
            out.writeByte(CLASS);
            out.writeShort(name);
        });
    }

    /** A CONSTANT_Fieldref entry. */
    public int fieldRef(String owner, String name, String descriptor) {
        return memberRef(FIELDREF, owner, name, descriptor);
    }

    /** A CONSTANT_Methodref entry (a method of a class, not an interface). */
    public int methodRef(String owner, String name, String descriptor) {
        return memberRef(METHODREF, owner, name, descriptor);
    }

    private int memberRef(int tag, String owner, String name, String descriptor) {
        int cls = classRef(owner);
        int n = utf8(name);
        int d = utf8(descriptor);
        int nameAndType = entry("N" + name + ' ' + descriptor, () -> {
            out.writeByte(NAME_AND_TYPE);
            out.writeShort(n);
            out.writeShort(d);
        });
        return entry(tag + owner + '.' + name + ' ' + descriptor, () -> {
            out.writeByte(tag);
            out.writeShort(cls);
            out.writeShort(nameAndType);
        });
    }

    /** The {@code constant_pool_count} field: one more than the highest index. */
    int count() {
        return next;
    }

    /** The entries as they appear in the class file. */
    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private interface EntryWriter {
        void write() throws IOException;
    }

    private int entry(String key, EntryWriter writer) {
        Integer known = indices.get(key);
        if (known != null) {
            return known;
        }
        try {
            writer.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (next > 0xFFFF) {
            throw new IllegalStateException("constant pool overflow");
        }
        int index = next++;
        indices.put(key, index);
        return index;
    }
}
