`timescale 1ns/1ps
// A behavioural RAM model without the BIST port, like the model beside Baochip's CPU file.
module toy_ram #(parameter W = 8) (
  input              clk,
  input              we,
  input      [W-1:0] d,
  output reg [W-1:0] q,
  input              test_mode
);
  always @(posedge clk) if (we) q <= d;
endmodule
