Feature: Broken

  Scenario: Fine so far
    Given the calculator is cleared
  This line is not Gherkin
