Feature: Scenario order
  A feature is read top to bottom: its scenarios run in the order they are written, outline rows in their order.
  The titles are chosen so that neither their alphabetical order nor their method names' order is the file's.

  Scenario: Zulu
    Given the scenario "Zulu" runs

  Scenario: Alpha
    Given the scenario "Alpha" runs

  Scenario: Mike
    Given the scenario "Mike" runs

  Scenario Outline: Yankee <row>
    Given the scenario "Yankee <row>" runs

    Examples:
      | row |
      | 3   |
      | 1   |
      | 2   |

  Scenario: Bravo
    Given the scenario "Bravo" runs

  Scenario: X-ray
    Given the scenario "X-ray" runs

  Scenario: Charlie
    Given the scenario "Charlie" runs

  Scenario: Whiskey
    Given the scenario "Whiskey" runs

  Scenario: Delta
    Given the scenario "Delta" runs

  Scenario: Victor
    Given the scenario "Victor" runs

  Scenario: Echo
    Given the scenario "Echo" runs
