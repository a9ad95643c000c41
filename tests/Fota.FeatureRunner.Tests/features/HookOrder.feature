@hook-order
Feature: Hook order
  Test-run, feature, scenario, block and step hooks run in Reqnroll's order (checked from a child run's log).

  Scenario: Every hook kind runs around the steps
    Given the calculator is cleared
    When I add 1
    Then the result should be 1
