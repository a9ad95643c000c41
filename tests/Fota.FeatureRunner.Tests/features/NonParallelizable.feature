@nonparallelizable
Feature: Serial by the built-in tag

  Scenario: Runs outside the parallel pool too
    Given the calculator is cleared
