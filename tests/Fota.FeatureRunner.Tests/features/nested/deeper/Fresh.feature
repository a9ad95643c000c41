Feature: Fresh state

  Scenario: Every scenario starts from zero
    Then the result should be 0
