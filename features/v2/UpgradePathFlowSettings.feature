@upgrade-path @upgrade-path-flow-settings @own-instances
Feature: Upgrade paths: the flow's settings

  > The upgrade-path flow (SPEC §3.6) runs in the background of every instance.
  > Three of its settings change what nRF Cloud sees, and when:
  >
  > - `Fota:UpgradePath:Enabled` (default `true`): an instance with the flow
  >   switched off still schedules, lists and cancels jobs; it leaves running
  >   their steps to the instances that run the flow.
  > - `Fota:UpgradePath:MaxConcurrency` (default 8): how many jobs one instance
  >   runs at once, so at most that many of its steps' nRF Cloud creates are under
  >   way. A job that has to wait frees its slot for the next due job at once.
  > - `Fota:UpgradePath:Interval` (default 1 s): how often the flow looks for due
  >   jobs and checks on waiting ones. A schedule, a cancel or a job freeing its
  >   slot wakes the flow at once, whatever the interval.
  >
  > A look for due jobs that fails (the database unreachable for a moment) is
  > logged and tried again: the flow goes on.
  >
  > Every scenario runs against a service of its own (`@own-instances`: its own
  > database, the suite's mock nRF Cloud), restarted with the settings it shows.
  > Against a deployment these scenarios are skipped.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `job1Id`
    And I store `$fromMillis($millis())` into `tsISO`
    And there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": ["BOOT", "MODEM", "APP"]}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}, {"timestamp": 1717409966}, {"timestamp": 1717409966}]}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """

  Scenario: With one slot, two due jobs run one after the other: the second starts as soon as the first waits for nRF Cloud
    # Both jobs are scheduled while the flow is off, so the next instance finds them due together. Its interval is far
    # longer than the scenario (only the first job freeing its slot can start the second in time), its claim margin longer
    # than the first job's create.
    Given the Fota service restarts with these settings
      | setting                  | value |
      | Fota:UpgradePath:Enabled | false |
    And I have the fingerprint for a `PCA20065` device in `other`
    And I have a random UUIDv4 in `job2Id`
    And there is this device shadow data for `${other_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${other_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": ["BOOT", "MODEM", "APP"]}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}, {"timestamp": 1717409966}, {"timestamp": 1717409966}]}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json
      X-Mock-Delay: 3s

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job2Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${other_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `POST` `${APIURL}/device/${other_deviceId}/fota/app?fingerprint=${other}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When the Fota service restarts with these settings
      | setting                         | value    |
      | Fota:UpgradePath:Enabled        | true     |
      | Fota:UpgradePath:MaxConcurrency | 1        |
      | Fota:UpgradePath:Interval       | 00:00:30 |
      | Fota:UpgradePath:ClaimMargin    | 00:00:30 |
    Then soon the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
    And the nRF Cloud API should receive no more `POST /v1/fota-jobs` requests for `1` seconds
    And soon the nRF Cloud API should have received exactly `2` `POST /v1/fota-jobs` requests
    And the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["${other_deviceId}"]}
      """
    When I `GET` `${APIURL}/device/${other_deviceId}/fota/jobs?fingerprint=${other}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1."
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1."
      }
      """

  Scenario: An instance with the flow switched off schedules the job and leaves its steps to an instance that runs the flow
    Given the Fota service restarts with these settings
      | setting                  | value |
      | Fota:UpgradePath:Enabled | false |
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And the nRF Cloud API should receive no more `POST /v1/fota-jobs` requests for `2` seconds
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "status": "NEW",
        "statusDetail": "The job has been created"
      }
      """
    When the Fota service restarts with these settings
      | setting                  | value |
      | Fota:UpgradePath:Enabled | true  |
    Then soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1."
      }
      """

  Scenario: A cancel reaches nRF Cloud at once, whatever the interval
    # The step waits for nRF Cloud, due again only in 30 s: the cancel wakes the flow.
    Given the Fota service restarts with these settings
      | setting                   | value    |
      | Fota:UpgradePath:Interval | 00:00:30 |
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for a `PUT /v1/fota-jobs/${job1Id}/cancel` request
      """
      HTTP/1.1 200 OK
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1."
      }
      """
    And soon the nRF Cloud API should have received at least `1` `GET /v1/fota-jobs/${job1Id}` request
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have been called with
      """
      PUT /v1/fota-jobs/${job1Id}/cancel HTTP/1.1
      Content-Type: application/json

      {}
      """

  Scenario: A look for due jobs that fails does not stop the flow
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And the Fota service's database will fail the upgrade-path flow's next look for due jobs
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1."
      }
      """
