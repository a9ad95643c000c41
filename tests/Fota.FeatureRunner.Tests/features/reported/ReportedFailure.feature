Feature: Reported failure
  Passes in every run, except in the child run of ReportTests, which asks its last step to fail: there the living
  documentation shows a failed step.

  Scenario: A step fails when the child run asks for it
    Given I start the calculator
    Then the step fails when the child run asks for it
