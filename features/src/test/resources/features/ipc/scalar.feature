@xous @ipc
Feature: Scalar and BlockingScalar messages
  A Scalar carries a message id and four argument words and does not block the sender. A
  BlockingScalar blocks the sender until the server answers with ReturnScalar1, 2 or 5; the
  server runs in the client's quantum and the reply donates it straight back to the client.
  Runs on the Xous-ABI test kernel: its "driver" process sends to its "echo" server, which
  answers ReturnScalar1 with the sum of the words, ReturnScalar2 with (w1+w2, w3 xor w4) and
  ReturnScalar5 with each word plus one and the id.

  Background:
    Given the Xous-ABI kernel is booted on the "precursor" platform

  Scenario: A Scalar arrives with its id and argument words intact, and the sender goes on
    When process "driver" sends a Scalar message 0x10 to server "echo"
    Then server "echo" receives message 0x10 as a Scalar with arguments 0x101, 0x102, 0x103, 0x104
    And the Scalar send returns Ok to process "driver" before server "echo" handles it

  Scenario Outline: A BlockingScalar answered with ReturnScalar<n>
    When process "driver" sends a BlockingScalar message <n> to server "echo"
    Then server "echo" receives message <n> as a BlockingScalar with arguments <args>
    And process "driver" does not run until server "echo" replies with ReturnScalar<n>
    And the reply to message <n> goes straight back to process "driver" with result tag <tag> and words <words>

    Examples:
      | n | args                   | tag | words                        |
      | 1 | 0x11, 0x12, 0x13, 0x14 | 14  | 0x4A                         |
      | 2 | 0x21, 0x22, 0x23, 0x24 | 15  | 0x43, 0x07                   |
      | 5 | 0x51, 0x52, 0x53, 0x54 | 20  | 0x52, 0x53, 0x54, 0x55, 5    |
