@settings @own-instances
Feature: The service checks its settings when it starts

  A setting out of its range stops the service at start, with an error that names the setting, instead of a
  service that runs with it (SPEC §6). Each scenario starts instances of its own, so a deployment skips them.

  Scenario Outline: <setting> = <value> is refused
    Then the Fota service should refuse to start with `<setting>` set to `<value>`, naming it

    Examples: the poller
      | setting                              | value        | why                                                 |
      | Fota:Poller:FirstRetryDelay          | 00:00:00     | must be positive                                    |
      | Fota:Poller:MaxRetryDelay            | 00:00:00.049 | below the first retry delay (50 ms here)            |
      | Fota:Poller:BackoffFactor            | 0.99         | below 1: the delays would shrink                    |
      | Fota:Poller:ScanInterval             | 00:00:00     | must be positive                                    |
      | Fota:Poller:MaxConcurrency           | 0            | between 1 and 256                                   |
      | Fota:Poller:MaxConcurrency           | 257          | between 1 and 256                                   |
      | Fota:Poller:MaxConcurrencyPerAccount | 0            | between 1 and Fota:Poller:MaxConcurrency (4 here)   |
      | Fota:Poller:MaxConcurrencyPerAccount | 5            | between 1 and Fota:Poller:MaxConcurrency (4 here)   |
      | Fota:Poller:ClaimDuration            | 00:00:00     | must be positive                                    |
      | Fota:Poller:NotFoundFailAfter        | 00:00:00     | must be positive                                    |
      | Fota:Poller:BatchSize                | 0            | between 1 and 10000                                 |
      | Fota:Poller:BatchSize                | 10001        | between 1 and 10000                                 |

    Examples: reconciliation
      | setting                       | value        | why                                           |
      | Fota:Reconcile:Interval       | 00:00:00     | must be positive                              |
      | Fota:Reconcile:FirstRetry     | 00:00:00     | must be positive                              |
      | Fota:Reconcile:MaxRetry       | 00:00:00.199 | below the first retry (200 ms here)           |
      | Fota:Reconcile:GiveUpAfter    | 00:00:00     | must be positive                              |
      | Fota:Reconcile:AccountTimeout | 00:00:00     | must be positive                              |
      | Fota:Reconcile:ClockSkew      | -00:00:01    | must not be negative                          |

  Scenario: Settings at the upper edges of their ranges are accepted
    When the Fota service restarts with these settings
      | setting                              | value        |
      | Fota:Poller:MaxRetryDelay            | 00:00:00.050 |
      | Fota:Poller:BackoffFactor            | 1            |
      | Fota:Poller:MaxConcurrency           | 256          |
      | Fota:Poller:MaxConcurrencyPerAccount | 256          |
      | Fota:Poller:BatchSize                | 10000        |
      | Fota:Reconcile:MaxRetry              | 00:00:00.200 |
      | Fota:Reconcile:ClockSkew             | 00:00:00     |
    And I `GET` `${APIURL}/health/ready`
    Then the status code of the last response should be `200`

  Scenario: Settings at the lower edges of their ranges are accepted
    When the Fota service restarts with these settings
      | setting                              | value |
      | Fota:Poller:MaxConcurrency           | 1     |
      | Fota:Poller:MaxConcurrencyPerAccount | 1     |
      | Fota:Poller:BatchSize                | 1     |
    And I `GET` `${APIURL}/health/ready`
    Then the status code of the last response should be `200`
