package tandem.golden.hart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import tandem.golden.isa.Opcode;

class OpIdsTest {

    @Test
    void everyOpcodeHasItsOrdinalAsConstant() throws ReflectiveOperationException {
        int constants = 0;
        for (Field f : OpIds.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                assertEquals(Opcode.valueOf(f.getName()).ordinal(), f.getInt(null), f.getName());
                constants++;
            }
        }
        assertEquals(Opcode.values().length, constants);
    }
}
