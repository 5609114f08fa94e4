`define TOY_STEP 32'd4
