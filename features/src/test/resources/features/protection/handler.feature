@xous @protection
Feature: A process's own exception handler
  A page fault the kernel cannot resolve (no mapping, a lent page) runs the handler the
  process set with SetExceptionHandler: a0 = the exception type (7 instruction, 8 load,
  9 store page fault), a1 = the faulting pc, a2 = the address, ra = 0xFF80_4000 (returning
  there resumes the faulting instruction).

  Background:
    Given the Xous-ABI kernel is booted on the "precursor" platform

  Scenario Outline: A <access> of an unmapped address runs the handler
    When process "driver" <action> the unmapped address <address>
    Then process "driver" takes a <trap> at <address>
    And its exception handler runs with a0 = <type>, a1 = the faulting pc and a2 = <address>
    And the faulting access completes after the handler returns

    Examples:
      | access | action    | address     | trap             | type |
      | load   | loads from | 0x3000_0000 | load page fault  | 8    |
      | store  | stores to  | 0x3000_1000 | store page fault | 9    |

  Scenario: Touching a lent page runs the handler
    # The lender's PTE is invalid while the buffer is lent (see lend.feature), so a second
    # thread of the lender faults; its handler waits for the return and the load then succeeds.
    When a second thread of process "driver" loads from a buffer it has lent to server "echo" as message 0x24
    Then process "driver" takes a load page fault at the lent buffer
    And its exception handler runs with a0 = 8, a1 = the faulting pc and a2 = the lent buffer
