@ignore @ignored-feature
Feature: Ignored feature
  Its scenarios are skipped and its feature hooks never run.

  Scenario: Never runs
    Then this step is never run
