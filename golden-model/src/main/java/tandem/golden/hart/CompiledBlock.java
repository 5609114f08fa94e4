package tandem.golden.hart;

/**
 * Hot decoded blocks translated to JVM bytecode by {@link BlockCompiler}: running it has
 * exactly the effect of the interpreter ({@link Hart}'s instruction loop) running from the
 * head block for at most {@code room} instructions, on registers, memory, pc, instret, traps
 * and the points where the loop is left for pending events.
 */
abstract class CompiledBlock {
    /**
     * Runs from the head block (which must fit in {@code room}) until control leaves the
     * region, the next block does not fit in {@code room}, or something needs attention;
     * leaves pc and instret where the interpreter would.
     */
    abstract void run(Hart hart, int room);
}
