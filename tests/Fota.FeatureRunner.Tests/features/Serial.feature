@serial
Feature: Serial by reqnroll.json
  Tagged with a tag that reqnroll.json's generator.addNonParallelizableMarkerForTags lists.

  Scenario: Runs outside the parallel pool
    Given the calculator is cleared
