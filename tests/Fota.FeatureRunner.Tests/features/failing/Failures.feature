Feature: Failures

  Scenario: A step fails
    Given the calculator is cleared
    When I add 2
    Then the result should be 3
    And the result should be 2

  Scenario: A step is undefined
    Given the calculator is cleared
    When I divide by "zero"

  Scenario: A step is pending
    Given the calculator is cleared
    When I do something not yet written

  @failing-before-hook
  Scenario: A before-scenario hook fails
    Given the calculator is cleared

  Scenario: It writes output
    Given the calculator is cleared
    When I add 1

  Scenario: A step is ambiguous
    Given the calculator is cleared
    When I press the ambiguous button

  @failing-before-hook @failing-after-hook
  Scenario: A before-scenario hook fails and an after-scenario hook fails after it
    Given the calculator is cleared

  @failing-after-hook
  Scenario: A step fails and an after-scenario hook fails after it
    Given the calculator is cleared
    Then the result should be 3
