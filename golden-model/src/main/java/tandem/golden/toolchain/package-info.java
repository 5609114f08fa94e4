/**
 * Building guest programs with Debian's RISC-V cross toolchain: {@link
 * tandem.golden.toolchain.CrossToolchain} finds and runs the tools, {@link
 * tandem.golden.toolchain.BuildCache} keeps their outputs keyed by a hash of the inputs.
 */
package tandem.golden.toolchain;
