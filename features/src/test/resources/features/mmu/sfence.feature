@machine @mmu
Feature: satp changes and sfence.vma take effect
  After a satp write or a PTE change followed by sfence.vma, the next access uses the new
  translation. VexRiscv keeps no ASID in its TLBs: any satp write flushes them, so a switch
  of address space takes effect even before the sfence.vma that the spec (and Xous) require.

  Background:
    Given a VexRiscv hart on the "virt" platform
    # Supervisor code and the first level-0 table of the table at 0x8010_0000 (PA 0x8010_1000)
    # are mapped so the program can rewrite a PTE.
    And the page table at 0x8010_0000 maps:
      | va          | pa          | flags |
      | 0x0004_0000 | 0x8023_0000 | VRXAD |
      | 0x0020_0000 | 0x8021_0000 | VRWAD |
      | 0x8010_1000 | 0x8010_1000 | VRWAD |
    And the page table at 0x8030_0000 maps:
      | va          | pa          | flags |
      | 0x0004_0000 | 0x8023_0000 | VRXAD |
      | 0x0020_0000 | 0x8022_0000 | VRWAD |
    And satp points to the page table at 0x8010_0000
    And the word at physical address 0x8021_0000 is 0xAAAA_0001
    And the word at physical address 0x8022_0000 is 0xBBBB_0002
    And the word at physical address 0x8024_0000 is 0xCCCC_0003

  Scenario: Switching satp to another table with sfence.vma
    Given the program at 0x0004_0000:
      """
      li   t0, 0x00200000
      lw   a0, 0(t0)
      li   t1, 0x80080300    # satp: Sv32, ASID 0, root 0x8030_0000
      csrw satp, t1
      sfence.vma
      lw   a1, 0(t0)
      ecall
      """
    When the hart runs in "supervisor" mode until a trap
    Then the program reaches its ecall
    And register a0 is 0xAAAA_0001
    And register a1 is 0xBBBB_0002

  Scenario: VexRiscv: a satp write alone switches the address space
    Given the program at 0x0004_0000:
      """
      li   t0, 0x00200000
      lw   a0, 0(t0)
      li   t1, 0x80080300
      csrw satp, t1
      lw   a1, 0(t0)
      ecall
      """
    When the hart runs in "supervisor" mode until a trap
    Then the program reaches its ecall
    And register a0 is 0xAAAA_0001
    And register a1 is 0xBBBB_0002

  Scenario: A PTE rewritten and fenced points at the new page
    # The PTE for 0x0020_0000 is entry 0x200 of the level-0 table: PA 0x8010_1800.
    # 0x2009_00C7 maps PA 0x8024_0000 with V R W A D.
    Given the program at 0x0004_0000:
      """
      li   t0, 0x00200000
      lw   a0, 0(t0)
      li   t1, 0x80101800
      li   t2, 0x200900C7
      sw   t2, 0(t1)
      sfence.vma
      lw   a1, 0(t0)
      ecall
      """
    When the hart runs in "supervisor" mode until a trap
    Then the program reaches its ecall
    And register a0 is 0xAAAA_0001
    And register a1 is 0xCCCC_0003
    And the PTE for 0x0020_0000 in the page table at 0x8010_0000 has flags "VRWAD"

  Scenario: A PTE invalidated and fenced faults on the next access
    Given the program at 0x0004_0000:
      """
      li   t0, 0x00200000
      lw   a0, 0(t0)
      li   t1, 0x80101800
      sw   zero, 0(t1)
      sfence.vma
      second: lw a1, 0(t0)
      ecall
      """
    When the hart runs in "supervisor" mode until a trap
    Then the hart takes a load page fault at 0x0020_0000
    And sepc is at label "second"
    And register a0 is 0xAAAA_0001
