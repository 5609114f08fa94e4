`timescale 1ns/1ps
// The fix for blk_events.sv: the two parts are separately driven signals, concatenated.
module ev_source (input clk, output [3:0] ev);
  reg [3:0] r;
  always @(posedge clk) r <= r + 4'd1;
  assign ev = r;
endmodule

module split_events (input clk, input host_set, output [7:0] status);
  logic [3:0] events_lo;
  logic [3:0] events_hi;
  ev_source u_src (.clk(clk), .ev(events_lo));
  always_ff @(posedge clk) events_hi <= {4{host_set}};
  assign status = {events_hi, events_lo};
endmodule
