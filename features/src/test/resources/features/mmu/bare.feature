@machine @mmu
Feature: Bare mode
  With satp.MODE = Bare (satp = 0, as after reset) nothing is translated: supervisor and user
  accesses go straight to physical memory and no page fault can happen.

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the word at physical address 0x8021_0000 is 0x1234_5678

  Scenario Outline: A <mode> load with translation off reads physical memory
    Given the program at 0x8030_0000:
      """
      li   t0, 0x80210000
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in <mode> mode until a trap
    Then the program reaches its ecall
    And register a0 is 0x1234_5678

    Examples:
      | mode         |
      | "user"       |
      | "supervisor" |

  Scenario: The walker passes a bare address through
    Then a store of 0x8021_0000 in "user" mode translates to 0x8021_0000
