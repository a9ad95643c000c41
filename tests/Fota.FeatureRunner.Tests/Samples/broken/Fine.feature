Feature: Fine next to a broken one

  Scenario: Still discovered
    Given the calculator is cleared
