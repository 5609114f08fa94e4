/**
 * The Baochip-1x BIO golden model: four PicoRV32 cores with registers x16–x31 turned into FIFO,
 * quantum, GPIO and event ports, modelled cycle by cycle after the tape-out RTL
 * ({@code bio_bdma.sv}, not the older {@code bio.sv}).
 *
 * <p>Reading guide: {@link tandem.golden.bio.Bio} is the block and the host's view of it (a
 * {@code BusDevice} at 0x5012_4000 that the platform ticks); {@code BioCore} is one core's state
 * machine with its RAM handshake; {@code BioInsn} decodes instructions with the raw register
 * fields the errata act on; {@code BioFifo} and {@code QuantumDivider} are the FIFO and the
 * fractional divider. {@link tandem.golden.bio.BioConfig} switches the errata and sets clock
 * ratios, {@link tandem.golden.bio.BioObserver} watches each cycle, and
 * {@link tandem.golden.bio.BioAssembler} builds programs that {@code #include "bio.h"} for the
 * x16–x31 names. The comparison with the user's Verilated BIO RTL lives in cosim-bridge
 * ({@code tandem.dut.bio}).
 */
package tandem.golden.bio;
