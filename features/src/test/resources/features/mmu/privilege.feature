@machine @mmu
Feature: U and S pages
  A page without U belongs to the supervisor: user code may not read, write or run it.
  A page with U belongs to the user: supervisor code may read and write it only with
  mstatus.SUM set, and may never run code from it.

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags   |
      | 0x0001_0000 | 0x8020_0000 | VRXUA   |
      | 0x0002_0000 | 0x8021_0000 | VRWUAD  |
      | 0x0003_0000 | 0x8022_0000 | VRWAD   |
      | 0x0004_0000 | 0x8023_0000 | VRXAD   |
    And satp points to the page table at 0x8010_0000
    And the word at physical address 0x8021_0000 is 0x1111_1111
    And the word at physical address 0x8022_0000 is 0x2222_2222

  Scenario: User code reads its own page
    Given the program at 0x0001_0000:
      """
      li   t0, 0x00020000
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the program reaches its ecall
    And register a0 is 0x1111_1111

  Scenario Outline: User access to a supervisor page faults
    Given the program at 0x0001_0000:
      """
      li   t0, 0x00030000
      <access>
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then scause is <scause> and stval is 0x0003_0000
    And the trap is taken in "supervisor" mode
    And physical memory at 0x8022_0000 holds 0x2222_2222

    Examples:
      | access         | scause |
      | lw a0, 0(t0)   | 13     |
      | sw t0, 0(t0)   | 15     |
      | jalr ra, 0(t0) | 12     |

  Scenario: A user load from a kernel page high in the address space
    Given the page table at 0x8014_0000 maps:
      | va          | pa          | flags |
      | 0x0001_0000 | 0x8020_0000 | VRXUA |
      | 0x8000_1000 | 0x8022_0000 | VRWAD |
    And satp points to the page table at 0x8014_0000
    And the program at 0x0001_0000:
      """
      li   t0, 0x80001000
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then scause is 13 and stval is 0x8000_1000
