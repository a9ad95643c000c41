Feature: Greeting
  Features run in parallel with each other.

  Scenario: Greet by name
    Given my name is "Ada"
    Then the greeting is:
      """
      Hello, Ada!
      """
