@machine @mmu
Feature: Invalid and reserved PTEs
  V=0 makes a PTE invalid whatever its other bits say (Xous's lent pages keep R/W with V=0
  and the S bit set); W without R is reserved and faults; a pointer PTE at level 0 has no
  leaf; a page-table entry the walker cannot read is an access fault, not a page fault.

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags    |
      | 0x0001_0000 | 0x8020_0000 | VRXUA    |
      | 0x0002_0000 | 0x8021_0000 | RWUADS   |
      | 0x0003_0000 | 0x8022_0000 | VWUAD    |
      | 0x0004_0000 | 0x8023_0000 | V        |
    And satp points to the page table at 0x8010_0000

  Scenario Outline: A <access> of <va> faults: <why>
    Given the program at 0x0001_0000:
      """
      li   t0, <va>
      <instruction>
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the hart takes a <trap> at <va>
    And a <access> of <va> in "user" mode fails with "<why>"

    Examples:
      | va         | access | instruction  | trap             | why                |
      | 0x00020000 | load   | lw a0, 0(t0) | load page fault  | invalid            |
      | 0x00020000 | store  | sw t0, 0(t0) | store page fault | invalid            |
      | 0x00030000 | load   | lw a0, 0(t0) | load page fault  | write without read |
      | 0x00030000 | store  | sw t0, 0(t0) | store page fault | write without read |

    # A pointer (V only) at level 0 must fault. VexRiscv's MmuPlugin neither fills its TLB
    # nor raises a fault for it and walks again forever: the RTL stops retiring (lockstep
    # reports a stall).
    @rtl-differs
    Examples:
      | va         | access | instruction  | trap             | why                |
      | 0x00040000 | load   | lw a0, 0(t0) | load page fault  | no leaf            |

  Scenario: A page-table entry outside memory is an access fault
    # The root page is at 0x4000_0000, where the virt platform has no memory.
    Given satp is 0x8004_0000
    Then a load of 0x0002_0000 in "user" mode fails with "pte access fault"
    And a load of 0x0002_0000 in "user" mode raises cause 5
    And a store of 0x0002_0000 in "user" mode raises cause 7
    And a fetch of 0x0002_0000 in "user" mode raises cause 1
