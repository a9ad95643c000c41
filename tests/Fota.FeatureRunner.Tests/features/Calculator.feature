@calculator
Feature: Calculator
  The sample feature the runner's own tests run through xUnit.

  Background:
    Given the calculator is cleared

  @smoke
  Scenario: Add two numbers
    When I add 2
    And I add 3
    Then the result should be 5

  Scenario: Doc strings and tables reach the steps
    When I add the numbers
      | number |
      | 4      |
      | 6      |
    Then the result should be 10
    And the note should read
      """
      ten, as expected
      """

  @outline
  Scenario Outline: Add <a> to itself
    When I add <a>
    And I add <a>
    Then the result should be <sum>

    @small
    Examples: small numbers
      | a | sum |
      | 1 | 2   |
      | 2 | 4   |

    Examples: large numbers
      | a   | sum  |
      | 500 | 1000 |

  Rule: hooks and injection work

    @hooked
    Scenario: Hooks ran before the steps
      Then the test-run hook has run
      And the before-scenario hook has run for "Hooks ran before the steps"

    Scenario: Step classes share the scenario's context
      When I add 7
      Then the other step class sees 7

  @ignore
  Scenario: Ignored scenario
    Then this step is never run
