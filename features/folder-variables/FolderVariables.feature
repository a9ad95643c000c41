@folder-variables
Feature: Folder variables (Gherkin)

  Features in features/folder-variables/ get the variables features/folder-variables.json gives that folder:
  APIURL is the /v2 base there, as the upgrade-path features will need.

  Scenario: APIURL is the folder's
    Then the variable `APIURL` should be `${serviceUrl}/v2`
