@xous @protection
Feature: Pages backed on first touch
  IncreaseHeap and MapMemory without a physical address only reserve virtual space: the PTEs
  stay invalid until the first access, which page-faults into the kernel; the kernel backs
  the page with a zeroed RAM page, maps it for the user and retries the same instruction. The
  process never sees the fault. UnmapMemory takes the pages away again.

  Background:
    Given the Xous-ABI kernel is booted on the "precursor" platform

  Scenario: Growing the heap and touching it
    When process "driver" grows its heap by 2 pages and touches each page
    Then before the first touch the new pages are reserved but not valid
    And each first touch is a page fault that the kernel resolves without the process seeing it
    And afterwards each new page is valid, readable and writable by the user

  Scenario: Mapping memory, touching it and unmapping it
    When process "driver" maps 2 pages of memory, touches them and unmaps them
    Then before the first touch the new pages are reserved but not valid
    And each first touch is a page fault that the kernel resolves without the process seeing it
    And afterwards each new page is valid, readable and writable by the user
    And after UnmapMemory the pages are no longer valid
