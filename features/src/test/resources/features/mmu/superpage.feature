@machine @mmu
Feature: 4 MiB superpages
  A leaf PTE at level 1 maps a 4 MiB megapage; its physical page number must be 4 MiB
  aligned (PPN[0] = 0), otherwise every access through it is a page fault. (Xous never
  writes megapage leaves, but the MMU must still get them right.)

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags  | size |
      | 0x0001_0000 | 0x8020_0000 | VRXUA  | 4K   |
      | 0x0040_0000 | 0x8040_0000 | VRWUAD | 4M   |
      | 0x0080_0000 | 0x8041_0000 | VRWXUAD | 4M  |
    And satp points to the page table at 0x8010_0000

  Scenario: An aligned megapage maps every offset in 4 MiB
    Then a load of 0x0040_0000 in "user" mode translates to 0x8040_0000
    And a load of 0x0052_3454 in "user" mode translates to 0x8052_3454
    And a store of 0x007F_FFFC in "user" mode translates to 0x807F_FFFC

  Scenario: A program reads through an aligned megapage
    Given the word at physical address 0x8052_3454 is 0x00C0_FFEE
    And the program at 0x0001_0000:
      """
      li   t0, 0x00523454
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the program reaches its ecall
    And register a0 is 0x00C0_FFEE

  Scenario Outline: A misaligned megapage faults on <access>
    Given the program at 0x0001_0000:
      """
      li   t0, 0x00801234
      <instruction>
      ecall
      """
    When the hart runs in "user" mode until a trap
    Then the hart takes a <trap> at 0x0080_1234
    And a <access> of 0x0080_1234 in "user" mode fails with "misaligned superpage"

    Examples:
      | access | instruction  | trap                   |
      | load   | lw a0, 0(t0) | load page fault        |
      | store  | sw t0, 0(t0) | store page fault       |
      | fetch  | jr t0        | instruction page fault |
