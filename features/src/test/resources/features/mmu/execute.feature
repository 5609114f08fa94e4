@machine @mmu
Feature: Instruction fetch needs X
  Fetching from a page without X, or from an invalid page, is an instruction page fault
  (cause 12) with the fetch address in both sepc and stval.

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags   |
      | 0x0001_0000 | 0x8020_0000 | VRXUA   |
      | 0x0002_0000 | 0x8021_0000 | VRWUAD  |
      | 0x0007_0000 | 0x8026_0000 | RWXUAD  |
    And satp points to the page table at 0x8010_0000

  Scenario Outline: Jumping to <target> faults on the fetch
    Given the program at 0x0001_0000:
      """
      li   t0, <target>
      jalr ra, 0(t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the hart takes an instruction page fault at <target>
    And sepc is <target>

    Examples: pages the user may not run
      | target     | why                         |
      | 0x00020000 | data page, no X             |
      | 0x00020ffc | last word of a no-X page    |
      | 0x00070000 | X set but V clear           |
      | 0x00080000 | not mapped at all           |

  Scenario: Code runs on into the next executable page
    Given the page table at 0x8014_0000 maps:
      | va          | pa          | flags |
      | 0x0001_0000 | 0x8020_0000 | VRXUA |
      | 0x0001_1000 | 0x8030_0000 | VRXUA |
    And satp points to the page table at 0x8014_0000
    And the program at 0x0001_0ff8:
      """
      nop
      nop
      nop
      nop
      li   a0, 42
      done: ecall
      """
    When the hart runs in "user" mode until a trap
    Then the program reaches its ecall
    And register a0 is 42
    And sepc is at label "done"
