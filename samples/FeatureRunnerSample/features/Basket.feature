@basket
Feature: Basket
  A shopper fills a basket. The scenarios build on each other's story, so they are written (and run) in order.

  Background:
    Given an empty basket

  Scenario: Add one item
    When I add 2 apples
    Then the basket holds 2 items

  Scenario Outline: Add several items
    When I add <first> apples
    And I add <second> pears
    Then the basket holds <total> items

    Examples:
      | first | second | total |
      | 1     | 1      | 2     |
      | 3     | 4      | 7     |

  Scenario: Remove what is not there
    When I remove 1 apples
    Then the basket holds 0 items
