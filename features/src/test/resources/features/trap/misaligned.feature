@machine @trap
Feature: Misaligned loads and stores trap
  VexRiscv does not split misaligned data accesses: a load or store that is not naturally
  aligned raises "address misaligned" (cause 4 or 6) with the address in stval. It checks
  alignment before translation, so a misaligned store to a read-only page reports the
  misalignment (the privileged spec allows either order).

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags  |
      | 0x0001_0000 | 0x8020_0000 | VRXUA  |
      | 0x0002_0000 | 0x8021_0000 | VRWUAD |
      | 0x0005_0000 | 0x8024_0000 | VRUAD  |
    And satp points to the page table at 0x8010_0000

  Scenario Outline: <instruction> at <address>
    Given the program at 0x0001_0000:
      """
      li   t0, <address>
      bad: <instruction>
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the hart takes a <trap> at <address>
    And sepc is at label "bad"

    Examples:
      | instruction  | address    | trap                     |
      | lw a0, 0(t0) | 0x00020ffe | load address misaligned  |
      | lh a0, 0(t0) | 0x00020001 | load address misaligned  |
      | sw a0, 0(t0) | 0x00020002 | store address misaligned |
      | sh a0, 0(t0) | 0x00050001 | store address misaligned |

  Scenario: A halfword load at an even address is fine
    Given the word at physical address 0x8021_0000 is 0xBEEF_CAFE
    And the program at 0x0001_0000:
      """
      li   t0, 0x00020002
      lhu  a0, 0(t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the program reaches its ecall
    And register a0 is 0xBEEF
