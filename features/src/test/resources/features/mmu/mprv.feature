@machine @mmu
Feature: Modify PRiVilege (mstatus.MPRV)
  With MPRV=1, M-mode loads and stores are translated and checked as if made in the mode in
  MPP; instruction fetches stay untranslated. Page faults from M-mode are never delegated.

  Background:
    Given a VexRiscv hart on the "virt" platform
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags  |
      | 0x0002_0000 | 0x8021_0000 | VRWUAD |
      | 0x0003_0000 | 0x8022_0000 | VRWAD  |
    And satp points to the page table at 0x8010_0000
    And the word at physical address 0x8021_0000 is 0x7777_0001

  Scenario: An M-mode load with MPRV=1 and MPP=U reads through the user's mapping
    Given mstatus.MPRV is 1
    And the program at 0x8030_0000:
      """
      li   t0, 0x00020000
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in "machine" mode until a trap
    Then the hart takes an ecall from M-mode
    And register a0 is 0x7777_0001

  # The golden model checks the U bit for the mode in MPP, as the privileged spec says.
  # VexRiscv's MmuPlugin translates with MPRV but checks the U bit against the current
  # privilege (M), so the RTL lets this store through (lockstep diverges here).
  @rtl-differs
  Scenario: An M-mode store with MPRV=1 and MPP=U to a supervisor page faults in M-mode
    Given mstatus.MPRV is 1
    And the program at 0x8030_0000:
      """
      li   t0, 0x00030000
      sw   t0, 0(t0)
      ecall
      """
    When the hart runs in "machine" mode until a trap
    Then mcause is 15 and mtval is 0x0003_0000
    And the trap is taken in "machine" mode

  Scenario: Without MPRV, M-mode accesses are physical
    Given the word at physical address 0x8022_0000 is 0x7777_0002
    And the program at 0x8030_0000:
      """
      li   t0, 0x80220000
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in "machine" mode until a trap
    Then the hart takes an ecall from M-mode
    And register a0 is 0x7777_0002
