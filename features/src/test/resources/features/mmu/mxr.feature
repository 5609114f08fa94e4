@machine @mmu
Feature: Make eXecutable Readable (mstatus.MXR)
  A load needs R, or X while mstatus.MXR is 1. MXR never lets a store through.

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags  |
      | 0x0001_0000 | 0x8020_0000 | VRXUA  |
      | 0x0005_0000 | 0x8024_0000 | VXUAD  |
    And satp points to the page table at 0x8010_0000
    And the word at physical address 0x8024_0010 is 0x0BAD_C0DE

  Scenario Outline: A user load from an execute-only page
    Given mstatus.MXR is <mxr>
    And the program at 0x0001_0000:
      """
      li   t0, 0x00050010
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the hart takes <outcome>

    Examples:
      | mxr | outcome               |
      | 0   | a load page fault     |
      | 1   | an ecall from U-mode  |

  Scenario: With MXR=1 the load reads the execute-only page
    Given mstatus.MXR is 1
    And the program at 0x0001_0000:
      """
      li   t0, 0x00050010
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the program reaches its ecall
    And register a0 is 0x0BAD_C0DE

  Scenario: MXR does not make an execute-only page writable
    Given mstatus.MXR is 1
    And the program at 0x0001_0000:
      """
      li   t0, 0x00050010
      sw   zero, 0(t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then scause is 15 and stval is 0x0005_0010
    And physical memory at 0x8024_0010 holds 0x0BAD_C0DE

  Scenario: MXR does not let code run from a page without X
    Given mstatus.MXR is 1
    And the page table at 0x8014_0000 maps:
      | va          | pa          | flags |
      | 0x0001_0000 | 0x8020_0000 | VRXUA |
      | 0x0006_0000 | 0x8025_0000 | VRUA  |
    And satp points to the page table at 0x8014_0000
    And the program at 0x0001_0000:
      """
      li   t0, 0x00060000
      jr   t0
      """
    When the hart runs in "user" mode until a trap
    Then the hart takes an instruction page fault at 0x0006_0000
