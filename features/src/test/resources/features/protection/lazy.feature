@xous @protection
Feature: Pages backed on first touch
  IncreaseHeap and MapMemory without a physical address only reserve virtual space: the PTEs
  stay invalid until the first access, which page-faults into the kernel; the kernel backs
  the page with a zeroed RAM page, maps it for the user and retries the same instruction. The
  process never sees the fault.

  Background:
    Given the Xous-ABI kernel is booted on the "precursor" platform

  Scenario: Growing the heap and touching it
    When process "driver" grows its heap by 2 pages and touches each page
    Then before the first touch the new heap pages are reserved but not valid
    And each first touch is a page fault that the kernel resolves without the process seeing it
    And afterwards each heap page is valid, readable and writable by the user
