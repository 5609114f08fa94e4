@machine @mmu
Feature: A and D bits as VexRiscv does them
  VexRiscv's MMU never sets A or D in hardware. Current upstream VexRiscv (MmuPlugin) faults
  instead: an access through a PTE with A=0 is a page fault, and a store through a PTE with
  D=0 is a store page fault (the privileged spec allows either updating the bits or faulting).
  The golden model follows that. Older MmuPlugin versions ignore A and D altogether: the
  Baochip-1x core does, so in lockstep against it the scenarios tagged @rtl-differs diverge
  (the access simply completes). Xous's loader and kernel set A and D in every valid leaf
  they write, so Xous works with either.

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags   |
      | 0x0001_0000 | 0x8020_0000 | VRXUA   |
      | 0x0002_0000 | 0x8021_0000 | VRWU    |
      | 0x0003_0000 | 0x8022_0000 | VRWUA   |
      | 0x0004_0000 | 0x8023_0000 | VRWUD   |
      | 0x0005_0000 | 0x8024_0000 | VRWUAD  |
      | 0x0006_0000 | 0x8025_0000 | VRXU    |
    And satp points to the page table at 0x8010_0000

  Scenario Outline: A <access> through a PTE with flags <flags>
    Given the program at 0x0001_0000:
      """
      li   t0, <va>
      <instruction>
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the hart takes <outcome>

    @rtl-differs
    Examples: faults for a clear A or D bit
      | flags  | va         | access | instruction  | outcome            |
      | VRWU   | 0x00020000 | load   | lw a0, 0(t0) | a load page fault  |
      | VRWU   | 0x00020000 | store  | sw t0, 0(t0) | a store page fault |
      | VRWUA  | 0x00030000 | store  | sw t0, 0(t0) | a store page fault |
      | VRWUD  | 0x00040000 | load   | lw a0, 0(t0) | a load page fault  |

    Examples: accesses the bits allow
      | flags  | va         | access | instruction  | outcome              |
      | VRWUA  | 0x00030000 | load   | lw a0, 0(t0) | an ecall from U-mode |
      | VRWUAD | 0x00050000 | store  | sw t0, 0(t0) | an ecall from U-mode |

  @rtl-differs
  Scenario: Fetching through a PTE with A=0 faults
    Given the program at 0x0001_0000:
      """
      li   t0, 0x00060000
      jr   t0
      """
    When the hart runs in "user" mode until a trap
    Then the hart takes an instruction page fault at 0x0006_0000

  Scenario: The walker names why: A clear, D clear
    Then a load of 0x0002_0000 in "user" mode fails with "accessed clear"
    And a store of 0x0003_0000 in "user" mode fails with "dirty clear"
    And a store of 0x0005_0000 in "user" mode translates to 0x8024_0000

  @rtl-differs
  Scenario: A faulting store leaves the PTE's A and D bits as they were
    Given the program at 0x0001_0000:
      """
      li   t0, 0x00030000
      sw   t0, 0(t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the hart takes a store page fault at 0x0003_0000
    And the PTE for 0x0003_0000 in the page table at 0x8010_0000 has flags "VRWUA"
