@machine @mmu
Feature: Stores to read-only pages
  A store, SC or AMO to a page without W is a store/AMO page fault (cause 15) with the
  address in stval, and memory is left as it was. Loads and LR from the same page work.
  (Xous maps program text and a server's view of an immutable Borrow this way.)

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags  |
      | 0x0001_0000 | 0x8020_0000 | VRXUA  |
      | 0x0006_0000 | 0x8025_0000 | VRUAD  |
    And satp points to the page table at 0x8010_0000
    And the word at physical address 0x8025_0020 is 0x5EED_0001

  Scenario Outline: <instruction> to a read-only page faults and leaves memory alone
    Given the program at 0x0001_0000:
      """
      li   t0, 0x00060020
      li   t1, 7
      store: <instruction>
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then scause is 15 and stval is 0x0006_0020
    And sepc is at label "store"
    And physical memory at 0x8025_0020 holds 0x5EED_0001

    Examples:
      | instruction          |
      | sw t1, 0(t0)         |
      | sh t1, 0(t0)         |
      | sb t1, 0(t0)         |
      | amoadd.w a0, t1, (t0) |
      | amoswap.w a0, t1, (t0) |

  Scenario: A load-reserved from a read-only page works
    Given the program at 0x0001_0000:
      """
      li   t0, 0x00060020
      lr.w a0, (t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the program reaches its ecall
    And register a0 is 0x5EED_0001
