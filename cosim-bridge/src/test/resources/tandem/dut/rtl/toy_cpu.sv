// A toy CPU top in the shape of Baochip-1x's VexRiscvAxi4: interface-array BIST ports on the
// top module, a RAM instance connecting a port its model lacks, and warnings generated RTL has.
`timescale 1ns/1ps
`include "toy_defs.svh"

module toy_cpu #(
  parameter int WIDTH = 8,
  parameter RESET_PC = 32'h6000_0000
) (
	toyram_if.slavedp	bist_a[0:3],
	toyram_if.slavedp	bist_b[0:1],
  input                    clk,
  input                    reset,
  input      [WIDTH-1:0]   din,
  output reg [WIDTH-1:0]   dout /* verilator public */ ,
  output     [31:0]        pc,
  output reg               busy
);
  wire [WIDTH-1:0] rd;
  // The RAM model below has no BIST port 'bist'; the connection goes to an interface.
  toy_ram #(.W(WIDTH)) ram0 (
    .bist (bist_a[0]),
    .clk  (clk),
    .we   (1'b1),
    .d    (din),
    .q    (rd)
  );
  toy_ram #(.W(WIDTH)) ram1 (
    .clk  (clk),
    .we   (1'b0),
    .d    (din),
    .q    (),
    .bist (bist_b[1])
  );
`ifdef TOY_SIM
  localparam int STEP = `TOY_STEP;
`else
  localparam int STEP = toy_sim_was_not_defined;
`endif
  assign pc = RESET_PC + STEP + din;
  always @(posedge clk) begin
    if (reset) begin
      dout <= 0;
      busy <= 1'b0;
    end else begin
      dout <= rd + 1'b1;
      busy <= ~busy;
    end
  end
endmodule
