package tandem.golden.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;
import tandem.golden.jit.Bytecode.Label;

/** Classes written by {@link ClassFileWriter} load as hidden classes, verify and run. */
class ClassFileWriterTest {
    private static final int ACC_PUBLIC_STATIC = 0x0009;

    @Test
    void loopWithForwardAndBackwardJumpsAndWideConstantsRuns() throws Throwable {
        // static int sum(int n): s = 0x12345678; while (n != 0) { s += n; n--; } return s ^ 1000;
        ClassFileWriter cw = new ClassFileWriter("tandem/golden/jit/Sum", "java/lang/Object");
        Bytecode c = cw.code(1);
        Label test = new Label();
        Label body = new Label();
        c.iconst(0x12345678).istore(1).jump(Bytecode.GOTO, test);
        c.bind(body);
        c.iload(1).iload(0).op(Bytecode.IADD).istore(1);
        c.iload(0).iconst(-1).op(Bytecode.IADD).istore(0);
        c.bind(test);
        c.iload(0).jump(Bytecode.IFNE, body);
        c.iload(1).iconst(1000).op(Bytecode.IXOR).op(Bytecode.IRETURN);
        cw.method(ACC_PUBLIC_STATIC, "sum", "(I)I", c);
        MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(cw.toByteArray(), true);
        MethodHandle sum = hidden.findStatic(hidden.lookupClass(), "sum", MethodType.methodType(int.class, int.class));
        assertEquals((0x12345678 + 5050) ^ 1000, (int) sum.invokeExact(100));
    }

    @Test
    void aJumpToALabelNeverBoundIsRefused() {
        ClassFileWriter cw = new ClassFileWriter("tandem/golden/jit/Broken", "java/lang/Object");
        Bytecode c = cw.code(0);
        c.jump(Bytecode.GOTO, new Label());
        assertThrows(IllegalStateException.class, () -> cw.method(ACC_PUBLIC_STATIC, "f", "()V", c));
    }
}
