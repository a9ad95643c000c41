@parity
Feature: Reqnroll parity
  What a Reqnroll.xUnit user relies on, run through the generated test classes.

  Scenario: Assist tables become objects
    Given these devices
      | Name | Model    | Slots |
      | one  | PCA20065 | 1     |
      | two  | PCA10090 | 2     |
    Then there are 2 devices and "two" is a PCA10090

  Scenario: Cucumber expressions with a custom parameter type
    Given the firmware version v2.1.3
    Then the major version is 2

  Scenario: Argument transformations turn text into values
    Given a delay of 3 seconds
    Then the delay is 3000 milliseconds

  Scenario: Steps written with * continue the block they are in
    Given the calculator is cleared
    When I add 1
    * I add 2
    Then the result should be 3
    * the last step ran as a Then step

  Scenario: Bindings get what Reqnroll.xUnit injects
    Then the scenario context, the feature context, both output helpers and a disposable context were injected

  Scenario: A step attaches a file
    When I attach a note
    Then the note is an attachment of the xUnit test

  @shared-bindings
  Scenario: Steps and hooks come from the binding assemblies of reqnroll.json
    Given a greeting for "Ada" from the shared bindings
    Then the shared bindings greeted "Ada" and their hook ran
