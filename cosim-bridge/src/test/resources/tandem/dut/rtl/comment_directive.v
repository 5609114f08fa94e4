module comment_directive (input clk, output reg q);
  // Verilator stops on this comment unless Tandem blanks it.
  always @(posedge clk) q <= ~q;
  /* verilator lint_off WIDTH */
endmodule
