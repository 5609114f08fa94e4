@xous @platforms
Feature: The same kernel behaviour on both SoC profiles
  The Xous-ABI test kernel is built for and booted on each platform profile (Precursor:
  RAM at 0x4000_0000, LiteX UARTs, timer0; Baochip-1x: SRAM at 0x6100_0000, its DUART and
  timers). IPC and protection behave the same on both.

  Scenario Outline: A Borrow round trip on <platform>
    Given the Xous-ABI kernel is booted on the "<platform>" platform
    When process "driver" borrows 1 page to server "echo" as message 0x21
    Then while it is lent, the lender's PTE for the buffer is invalid with the lent bit set
    And while it is lent, server "echo" can read the buffer but not write it
    And after the return, process "driver" gets MemoryReturned with offset 0x10 and valid 0xFFF
    And after the return, the lender's PTE is valid, readable and writable, without the lent bit
    And the kernel halts with nothing left to run

    Examples:
      | platform   |
      | precursor  |
      | baochip-1x |

  Scenario Outline: A faulting process is terminated on <platform>
    Given the Xous-ABI kernel is booted on the "<platform>" platform
    When process "victim" is made to fault by kind 1
    Then process "victim" takes a load page fault at 0xFFD0_0000
    And process "victim" never runs again after its fault
    And processes "driver" and "echo" go on running after the fault of process "victim"

    Examples:
      | platform   |
      | precursor  |
      | baochip-1x |
