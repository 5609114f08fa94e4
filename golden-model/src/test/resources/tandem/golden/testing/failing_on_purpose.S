/* Fails at line 8 on purpose: GoldenRunnerTest checks that a failure names its file and line. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    li a0, 1
    li a1, 2
    CHECK_EQ(a0, 2)
    TEST_PASS
