@xous @ipc
Feature: Connecting to servers and full queues
  TryConnect to a server nobody created returns ServerNotFound (9) at once. A server's
  queue has room for a fixed number of messages (16 in the Xous-ABI test kernel; Xous has a
  page of 128); TrySendMessage to a server that never receives is accepted until the queue
  is full, then returns ServerQueueFull (15).

  Background:
    Given the Xous-ABI kernel is booted on the "precursor" platform

  Scenario: Connecting to an unknown server
    When process "driver" tries to connect to a server nobody created
    Then process "driver" gets error 9 from TryConnect

  Scenario: A server queue fills up
    When process "driver" fills the queue of a server that never receives
    Then TrySendMessage from process "driver" succeeds 16 times and then returns error 15
