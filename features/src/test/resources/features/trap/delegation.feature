@machine @trap
Feature: Where user faults are taken
  Xous's loader delegates every exception to S-mode (medeleg = all ones), so a user page
  fault lands in the kernel with scause, stval and sepc set. Without delegation the same
  fault goes to M-mode.

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags |
      | 0x0001_0000 | 0x8020_0000 | VRXUA |
    And satp points to the page table at 0x8010_0000

  Scenario: A delegated user page fault is taken in S-mode
    Given the program at 0x0001_0000:
      """
      li   t0, 0x00090000
      bad: lw a0, 0(t0)
      """
    When the hart runs in "user" mode until a trap
    Then scause is 13 and stval is 0x0009_0000
    And sepc is at label "bad"
    And the trap is taken in "supervisor" mode

  Scenario: An undelegated user page fault is taken in M-mode
    Given exceptions are not delegated to supervisor mode
    And the program at 0x0001_0000:
      """
      li   t0, 0x00090000
      bad: lw a0, 0(t0)
      """
    When the hart runs in "user" mode until a trap
    Then mcause is 13 and mtval is 0x0009_0000
    And mepc is at label "bad"
    And the trap is taken in "machine" mode

  Scenario Outline: An ecall from <mode> mode keeps the argument registers
    Given the page table at 0x8014_0000 maps:
      | va          | pa          | flags   |
      | 0x0001_0000 | 0x8020_0000 | <flags> |
    And satp points to the page table at 0x8014_0000
    And register a0 is set to 0x1234
    And register a7 is set to 16
    And the program at 0x0001_0000:
      """
      call: ecall
      """
    When the hart runs in <mode> mode until a trap
    Then the hart takes an <trap>
    And sepc is at label "call"
    And register a0 is 0x1234
    And register a7 is 16

    Examples:
      | mode         | flags | trap              |
      | "user"       | VRXUA | ecall from U-mode |
      | "supervisor" | VRXA  | ecall from S-mode |
