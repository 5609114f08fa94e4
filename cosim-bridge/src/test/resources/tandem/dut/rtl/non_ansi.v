`timescale 1ns/10ps
module non_ansi (clk, a, q, bus);
  parameter W = 4;
  input clk;
  input [W-1:0] a;
  output q;
  reg [W-1:0] q;
  toyram_if.slavedp bus [0:1];
  function [W-1:0] twice;
    input [W-1:0] v;
    twice = v << 1;
  endfunction
  always @(posedge clk) q <= twice(a);
endmodule
