@xous @protection
Feature: A faulting process is terminated, the others go on
  A fault with no exception handler to run ends the faulting process only (Xous prints
  "PROGRAM HALT: CPU Exception on PID n" and terminates it). Its pending clients get an
  error; every other process keeps running. The "victim" process of the Xous-ABI test
  kernel has no exception handler.
  (Differences from Xous: the test kernel also terminates on illegal instructions, where the
  Precursor kernel panics, and treats a store to a valid read-only page as a fault, where
  Xous retries it forever.)

  Background:
    Given the Xous-ABI kernel is booted on the "precursor" platform

  Scenario Outline: The victim faults by <what>
    When process "victim" is made to fault by kind <kind>
    Then process "victim" takes <trap>
    And process "victim" never runs again after its fault
    And processes "driver" and "echo" go on running after the fault of process "victim"
    And the request process "driver" had pending with process "victim" ends with error 12
    And the console shows a line containing "PROGRAM HALT: CPU Exception on PID 6"

    Examples:
      | kind | what                         | trap                        |
      | 1    | loading from a kernel page   | a load page fault           |
      | 2    | storing to its own text      | a store page fault          |
      | 3    | loading from unmapped memory | a load page fault           |
      | 4    | jumping into a kernel page   | an instruction page fault   |
      | 5    | an illegal instruction       | an illegal instruction      |
