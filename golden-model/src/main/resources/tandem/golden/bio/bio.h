/* Register names for the BIO's x16-x31 (Baochip-1x bio_bdma), for BIO assembly sources.
 * Include with #include "bio.h" and assemble through the C preprocessor (a .S file). */
#ifndef TANDEM_BIO_H
#define TANDEM_BIO_H

#define fifo0    x16  /* read: pop FIFO 0 (waits while empty); write: push (waits while full) */
#define fifo1    x17
#define fifo2    x18
#define fifo3    x19
#define quantum  x20  /* read or write: wait for the core's next quantum pulse; reads 0 */
#define pins     x21  /* read: input pins; write: pins under pinmask take the written value */
#define pinset   x22  /* write: set pins where pinmask & value */
#define pinclr   x23  /* write: clear pins where pinmask & ~value (clear on 0) */
#define dirout   x24  /* write: make pins outputs where pinmask & value */
#define dirin    x25  /* write: make pins inputs where pinmask & value */
#define pinmask  x26  /* GPIO mask for x21-x25, all ones after reset */
#define evmask   x27  /* event mask for the x30 wait */
#define evset    x28  /* write: set event bits [23:0] */
#define evclr    x29  /* write: clear event bits [23:0] */
#define events   x30  /* read: event bits; waits while evmask != 0 and no masked bit is set */
#define clk      x31  /* read: core id in [31:30], BIO clock count in [29:0] */

#endif
