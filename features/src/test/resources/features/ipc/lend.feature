@xous @ipc
Feature: Lending memory: Borrow and MutableBorrow
  A lend maps the client's pages into the server's message window (0x4000_0000) and blocks
  the client until the server returns them with ReturnMemory.

  The Xous book and docs/memory.md say that an immutable Borrow leaves the lender read
  access. The kernel does not: send_message clears V and sets the lent bit (S, PTE bit 8) in
  the lender's PTE for every lend, so the lender loses all access until the return. These
  specs follow the kernel (and the Xous-ABI test kernel, which does the same).

  Background:
    Given the Xous-ABI kernel is booted on the "precursor" platform

  Scenario: Borrow locks the lender out, even for reads, and gives the server read-only access
    When process "driver" borrows 2 pages to server "echo" as message 0x21
    Then while it is lent, the lender's PTE for the buffer is invalid with the lent bit set
    And while it is lent, a load by the lender from the buffer takes a load page fault
    And while it is lent, server "echo" can read the buffer but not write it
    And server "echo" sees the lender's physical page at an address in its message window
    And server "echo" reads the bytes the lender wrote

  Scenario: ReturnMemory gives a Borrowed buffer back unchanged
    When process "driver" borrows 2 pages to server "echo" as message 0x21
    Then after the return, process "driver" gets MemoryReturned with offset 0x10 and valid 0x1FFF
    And after the return, the lender's PTE is valid, readable and writable, without the lent bit
    And after the return, the buffer holds the lender's bytes unchanged
    And after the return, server "echo" no longer maps the buffer

  Scenario: MutableBorrow gives the server write access and its writes reach the lender
    When process "driver" mutably borrows 1 page to server "echo" as message 0x22
    Then while it is lent, the lender's PTE for the buffer is invalid with the lent bit set
    And while it is lent, server "echo" can read and write the buffer
    And server "echo" sees the lender's physical page at an address in its message window
    And after the return, process "driver" gets MemoryReturned with offset 0x10 and valid 0xFFF
    And after the return, the lender's PTE is valid, readable and writable, without the lent bit
    And after the return, the buffer holds what server "echo" wrote

  Scenario Outline: A <kind> of a buffer that is not page-aligned is rejected
    # Xous checks lends with BadAlignment (1) and moves with BadAddress (2).
    When process "driver" sends a buffer that is not page-aligned as a <kind>
    Then the send is rejected with error <error>

    Examples:
      | kind          | error |
      | Borrow        | 1     |
      | MutableBorrow | 1     |
      | Move          | 2     |
