@xous @ipc
Feature: Moving memory
  A Move hands the pages to the server for good: the sender's PTE is zeroed and the server
  maps the same physical page with the sender's R/W/X plus U, V, A and D. The sender does not
  block.

  Background:
    Given the Xous-ABI kernel is booted on the "precursor" platform

  Scenario: The moved page leaves the sender and arrives in the server
    When process "driver" moves 1 page to server "echo" as message 0x23
    Then server "echo" maps the moved page with the sender's permissions
    And server "echo" sees the lender's physical page at an address in its message window
    And server "echo" reads the bytes the lender wrote
    And after the send, the sender's PTE for the buffer is gone
    And the sender's next access to the buffer takes a load page fault
