// A small design for checking Tandem's VCD reader and writer against Verilator's own VCD:
// a clock, an 8-bit counter, a 70-bit shift register (wider than a long), a reduction wire,
// a real and a sub-instance whose ports alias the parent's nets.
module stage(input clk, input [7:0] d, output reg [7:0] q);
  always @(posedge clk) q <= d ^ 8'h5a;
endmodule

module tiny;
  reg clk = 0;
  reg [7:0] count = 0;
  reg [69:0] wide = 0;
  real level = 0.0;
  wire parity = ^count;
  wire [7:0] staged;
  always #5 clk = ~clk;
  always @(posedge clk) begin
    count <= count + 8'd3;
    wide <= {wide[68:0], count[0] ^ wide[69]};
    level <= level + 0.25;
  end
  stage s0(.clk(clk), .d(count), .q(staged));
  initial begin
    $dumpfile("tiny.vcd");
    $dumpvars(0, tiny);
    #1000 $finish;
  end
endmodule
