`timescale 1ns/1ps
// A toy BIST interface with the modport the CPU's ports use.
interface toyram_if #(parameter AW = 10) ();
  wire          ramclk;
  wire [AW-1:0] ramaddr;
  wire [31:0]   ramrdata;
  modport slavedp (input ramclk, input ramaddr, output ramrdata);
  modport master (output ramclk, output ramaddr, input ramrdata);
endinterface
