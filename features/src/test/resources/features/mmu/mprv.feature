@machine @mmu
Feature: Modify PRiVilege (mstatus.MPRV)
  With MPRV=1, M-mode loads and stores are translated with the page tables as if made in the
  mode in MPP; instruction fetches stay untranslated. Page faults from M-mode are never
  delegated.

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

  # The privileged spec checks the U bit for the mode in MPP, so this store should fault.
  # VexRiscv's MmuPlugin translates with MPRV but checks the U bit against the current
  # privilege (M): the store goes through. The golden model follows VexRiscv, and lockstep
  # against the Baochip-1x core agrees.
  Scenario: VexRiscv: an M-mode store with MPRV=1 and MPP=U to a supervisor page goes through
    Given mstatus.MPRV is 1
    And the program at 0x8030_0000:
      """
      li   t0, 0x00030000
      li   t1, 0x600D600D
      sw   t1, 0(t0)
      ecall
      """
    When the hart runs in "machine" mode until a trap
    Then the hart takes an ecall from M-mode
    And physical memory at 0x8022_0000 holds 0x600D_600D

  Scenario: An M-mode load with MPRV=1 still needs a valid mapping
    Given mstatus.MPRV is 1
    And the program at 0x8030_0000:
      """
      li   t0, 0x00050000
      lw   a0, 0(t0)
      ecall
      """
    When the hart runs in "machine" mode until a trap
    Then mcause is 13 and mtval is 0x0005_0000
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
