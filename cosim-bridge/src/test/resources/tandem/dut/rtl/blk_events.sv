`timescale 1ns/1ps
// Reproduces the BIO hazard: one vector driven partly by a submodule's output port (bits 3:0)
// and partly by an always_ff (bits 7:4), as bio_bdma.sv drives aggregated_events.
module ev_source (input clk, output [3:0] ev);
  reg [3:0] r;
  always @(posedge clk) r <= r + 4'd1;
  assign ev = r;
endmodule

module blk_events (input clk, input host_set, output [7:0] status);
  logic [7:0] events_all;
  ev_source u_src (.clk(clk), .ev(events_all[3:0]));
  always_ff @(posedge clk) events_all[7:4] <= {4{host_set}};
  assign status = events_all;
endmodule
