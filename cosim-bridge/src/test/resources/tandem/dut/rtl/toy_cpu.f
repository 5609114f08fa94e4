// The toy CPU as a simulator file list: comments, include directory, define, library.
# shell-style comment line
+incdir+inc
+define+TOY_SIM=1
-y lib
toy_cpu.sv   /* the top */
