@machine @mmu
Feature: Supervisor access to user pages (mstatus.SUM)
  Supervisor code may read and write a U page only while mstatus.SUM is 1, and may never
  execute from one. Xous keeps SUM at 0 (the loader sets it only for DEBUG boots), so a
  kernel bug that dereferences a user pointer faults instead of reading it.

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags   |
      | 0x0001_0000 | 0x8020_0000 | VRXUAD  |
      | 0x0002_0000 | 0x8021_0000 | VRWUAD  |
      | 0x0004_0000 | 0x8023_0000 | VRXAD   |
    And satp points to the page table at 0x8010_0000
    And the word at physical address 0x8021_0000 is 0x1111_1111

  Scenario Outline: With SUM=0 the supervisor cannot touch a user page
    Given mstatus.SUM is 0
    And the program at 0x0004_0000:
      """
      li   t0, 0x00020000
      <access>
      ecall
      """
    When the hart runs in "supervisor" mode until a trap
    Then the hart takes a <trap> at 0x0002_0000
    And sepc is 0x0004_0004
    And physical memory at 0x8021_0000 holds 0x1111_1111

    Examples:
      | access       | trap             |
      | lw a0, 0(t0) | load page fault  |
      | sw t0, 0(t0) | store page fault |

  Scenario: With SUM=1 the supervisor reads a user page
    Given mstatus.SUM is 1
    And the program at 0x0004_0000:
      """
      li   t0, 0x00020000
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in "supervisor" mode until a trap
    Then the program reaches its ecall
    And register a0 is 0x1111_1111

  Scenario: With SUM=1 the supervisor writes a user page
    Given mstatus.SUM is 1
    And the program at 0x0004_0000:
      """
      li   t0, 0x00020000
      li   t1, 0xCAFEF00D
      sw   t1, 0(t0)
      ecall
      """
    When the hart runs in "supervisor" mode until a trap
    Then the program reaches its ecall
    And physical memory at 0x8021_0000 holds 0xCAFE_F00D

  Scenario: With SUM=0 the supervisor cannot execute from a user page
    Given mstatus.SUM is 0
    And the program at 0x0004_0000:
      """
      li   t0, 0x00010000
      jr   t0
      """
    When the hart runs in "supervisor" mode until a trap
    Then the hart takes an instruction page fault at 0x0001_0000
    And sepc is 0x0001_0000

  # The privileged spec forbids S-mode fetches from U pages whatever SUM says. VexRiscv's
  # MmuPlugin applies the same U/SUM check to fetches as to data, so with SUM=1 it runs user
  # code in S-mode; the golden model does the same, and lockstep against the Baochip-1x core
  # agrees. (Xous keeps SUM at 0, so the kernel never relies on either behaviour.)
  Scenario: VexRiscv: with SUM=1 the supervisor executes code from a user page
    Given mstatus.SUM is 1
    And the program at 0x0004_0000:
      """
      li   t0, 0x00010000
      jr   t0
      """
    And the program at 0x0001_0000:
      """
      li   a0, 7
      done: ecall
      """
    When the hart runs in "supervisor" mode from 0x0004_0000 until a trap
    Then the hart takes an ecall from S-mode
    And sepc is at label "done"
    And register a0 is 7
