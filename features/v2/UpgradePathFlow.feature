@upgrade-path @upgrade-path-flow
Feature: Upgrade paths: how a job runs

  > A job runs one step after another: the first entry of the upgrade path (in the
  > order written) whose version or range the device's reported version satisfies
  > names the bundle; the service creates the nRF Cloud job for it, waits until
  > nRF Cloud reports it `COMPLETED` and the device reports another version, and
  > starts over with that version. No entry matches: `SUCCEEDED`. The nRF Cloud job
  > ending otherwise, nRF Cloud refusing the job, the device not reporting in time
  > (`Fota:UpgradePath:ReportTimeout`, seconds in the suite's test configuration)
  > or the path returning to a version it started from: `FAILED`, saying why.
  > The nRF Cloud jobs of the steps are job executions of the root API like any other.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `job1Id`
    And I have a random UUIDv4 in `job2Id`
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

  Scenario Outline: The first entry that matches the reported version 2.0.0 names the bundle: <entry>
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": <upgradePath>}
      """
    Then the status code of the last response should be `201`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"<bundle>","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle <bundle>.",
        "reportedVersion": "2.0.0"
      }
      """

    Examples:
      | entry                 | upgradePath                                                                                         | bundle |
      | 2.0.0                 | {"2.0.0": "APP*0000000a*v2.0.1"}                                                                    | APP*0000000a*v2.0.1 |
      | <2.0.1                | {"<2.0.0": "APP*0000000b*v1.9.9", "<2.0.1": "APP*0000000a*v2.0.1"}                                  | APP*0000000a*v2.0.1 |
      | <=2.0.0               | {"<=1.9.9": "APP*0000000b*v1.9.9", "<=2.0.0": "APP*0000000a*v2.0.1"}                                | APP*0000000a*v2.0.1 |
      | >1.9.9                | {">2.0.0": "APP*0000000b*v2.0.2", ">1.9.9": "APP*0000000a*v2.0.1"}                                  | APP*0000000a*v2.0.1 |
      | >=2.0.0               | {">=2.0.1": "APP*0000000b*v2.0.2", ">=2.0.0": "APP*0000000a*v2.0.1"}                                | APP*0000000a*v2.0.1 |
      | >=2.0.0 before 2.0.0  | {">=2.0.0": "APP*0000000a*v2.0.1", "2.0.0": "APP*0000000b*v2.0.2"}                                  | APP*0000000a*v2.0.1 |
      | 2.0.0 before >=2.0.0  | {"2.0.0": "APP*0000000b*v2.0.2", ">=2.0.0": "APP*0000000a*v2.0.1"}                                  | APP*0000000b*v2.0.2 |
      | <=2.0.0 before >1.0.0 | {"1.0.0": "APP*0000000c*v1.0.1", "<=2.0.0": "APP*0000000b*v2.0.2", ">1.0.0": "APP*0000000a*v2.0.1"} | APP*0000000b*v2.0.2 |

  Scenario: No entry matches the reported version: the job succeeds at once
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"<2.0.0": "APP*1e29dfa3*v1.9.9", "2.0.1": "APP*cd5412d9*v2.0.2", ">2.0.0": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED",
        "statusDetail": "No more bundles to apply for 2.0.0. Job completed.",
        "reportedVersion": "2.0.0"
      }
      """
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

  Scenario: A modem upgrade path follows the modem firmware's version, with a MODEM and an MDM_FULL bundle
    Given I connect to the websocket using fingerprint `${fingerprint}`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2", "version": "mfw_nrf91x1_2.0.2"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/modem?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.1": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2", "2.0.2": "MDM_FULL*bdd24c81*mfw_nrf91x1_full_2.1.0"}}
      """
    Then the status code of the last response should be `201`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"MODEM*ad48df2a*mfw_nrf91x1_2.0.2","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.1 with bundle MODEM*ad48df2a*mfw_nrf91x1_2.0.2.",
        "reportedVersion": "2.0.1"
      }
      """
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job",
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.1 with bundle MODEM*ad48df2a*mfw_nrf91x1_2.0.2.",
        "reportedVersion": "2.0.1"
      }
      """
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job2Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "MDM_FULL*bdd24c81*mfw_nrf91x1_full_2.1.0", "version": "mfw_nrf91x1_full_2.1.0"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2", "version": "mfw_nrf91x1_2.0.2"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.2", "imei": "355025930003908", "board": "thingy91x"},
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
              "version": 2
            }
          }
        ],
        "total": 1
      }
      """
    Then soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"MDM_FULL*bdd24c81*mfw_nrf91x1_full_2.1.0","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.2 with bundle MDM_FULL*bdd24c81*mfw_nrf91x1_full_2.1.0.",
        "reportedVersion": "2.0.2"
      }
      """
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${job2Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "MDM_FULL*bdd24c81*mfw_nrf91x1_full_2.1.0", "version": "mfw_nrf91x1_full_2.1.0"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.1.0", "imei": "355025930003908", "board": "thingy91x"},
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
              "version": 3
            }
          }
        ],
        "total": 1
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED",
        "statusDetail": "No more bundles to apply for 2.1.0. Job completed.",
        "reportedVersion": "2.1.0"
      }
      """
    And the nRF Cloud API should have received exactly `2` `POST /v1/fota-jobs` requests
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job",
        "status": "SUCCEEDED",
        "reportedVersion": "2.1.0"
      }
      """

  Scenario Outline: A step whose nRF Cloud job ends <status> fails the job
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "<status>", "statusDetail": "Job ended", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "FAILED",
        "statusDetail": "The nRF Cloud job ${job1Id} ended with status <status>.",
        "reportedVersion": "2.0.0"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

    Examples:
      | status    |
      | FAILED    |
      | TIMED_OUT |
      | REJECTED  |
      | CANCELLED |

  Scenario: nRF Cloud refusing a step's job fails the job, naming nRF Cloud and its status
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 400 Bad Request
      Content-Type: application/json

      {"message": "upstream secret"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "FAILED",
        "reportedVersion": "2.0.0"
      }
      """
    And `$.jobs[0].statusDetail` of the last response should contain `nRF Cloud`
    And `$.jobs[0].statusDetail` of the last response should contain `400`
    And the last response should not contain `upstream secret`

  Scenario: A step's nRF Cloud job whose creation has an unknown outcome fails the job, and is not created again
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 503 Service Unavailable
      Content-Type: application/json

      {"message": "upstream secret"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "FAILED",
        "statusDetail": "The outcome of the nRF Cloud job for bundle APP*1e29dfa3*v2.0.1 is unknown.",
        "reportedVersion": "2.0.0"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: A step whose bundle has a running nRF Cloud job of the device fails the job, and creates none
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${serviceUrl}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {"bundleId": "APP*1e29dfa3*v2.0.1"}
      """
    Then the status code of the last response should be `202`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "FAILED",
        "statusDetail": "The nRF Cloud job ${job1Id} for bundle APP*1e29dfa3*v2.0.1 of this device has not ended yet, so no second one was created.",
        "reportedVersion": "2.0.0"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: A step whose bundle another request is creating an nRF Cloud job for fails the job, and creates none
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json
      X-Mock-Delay: 4s
      X-Mock-Drop: true

      """
    And I `POST` `${serviceUrl}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {"bundleId": "APP*1e29dfa3*v2.0.1"}
      """
    And I send the request without waiting for its answer as `first`
    And soon the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "FAILED",
        "statusDetail": "Another request is creating an nRF Cloud job for bundle APP*1e29dfa3*v2.0.1 of this device, so no second one was created.",
        "reportedVersion": "2.0.0"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
    When the answer to `first` has arrived
    Then the status code of the last response should be `500`

  Scenario: A step whose nRF Cloud create takes seconds is created once and goes on
    # The flow claims a job for longer than a create may take, so no other instance resumes the step meanwhile (deployed,
    # both instances run the flow).
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json
      X-Mock-Delay: 2s

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1."
      }
      """
    And soon the nRF Cloud API should have received at least `1` `GET /v1/fota-jobs/${job1Id}` request
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1."
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: A step whose nRF Cloud create hangs does not hold up another device's job
    # Each job runs in its own slot (Fota:UpgradePath:MaxConcurrency): the other device's step is created while the first
    # create still waits for nRF Cloud (until the service's attempt timeout, seconds).
    Given I have the fingerprint for a `PCA20065` device in `other`
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
      X-Mock-Delay: 60s

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
    And I store `id` of the last response into `hangingJobId`
    And soon the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
    When I `POST` `${APIURL}/device/${other_deviceId}/fota/app?fingerprint=${other}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${serviceUrl}/device/${other_deviceId}/fota/jobs?fingerprint=${other}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${job2Id}",
        "deviceId": "${other_deviceId}"
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${hangingJobId}",
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1."
      }
      """

  Scenario: A finished job no longer has the device's state read
    # No WebSocket is connected: only the job's wait for the device's report has the device read in the background.
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1."
      }
      """
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.1", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
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
              "version": 2
            }
          }
        ],
        "total": 1
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED",
        "statusDetail": "No more bundles to apply for 2.0.1. Job completed.",
        "reportedVersion": "2.0.1"
      }
      """
    And the nRF Cloud API should receive no more `GET /v1/devices` requests for `2` seconds, once those on their way have arrived

  Scenario: A device runs an application and a modem upgrade path at the same time
    # Both steps' nRF Cloud creates are answered seconds late, so the second is sent while the first still waits.
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
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
      X-Mock-Delay: 3s

      {"jobId": "${job2Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job2Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2", "version": "mfw_nrf91x1_2.0.2"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `appJobId`
    And soon the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/modem?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.1": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `modemJobId`
    And soon the nRF Cloud API should have received exactly `2` `POST /v1/fota-jobs` requests
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.1", "modemFirmware": "mfw_nrf91x1_2.0.2", "imei": "355025930003908", "board": "thingy91x"},
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
              "version": 2
            }
          }
        ],
        "total": 1
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs` of the last response should match
      """json
      [
        {"id": "${modemJobId}", "status": "SUCCEEDED", "statusDetail": "No more bundles to apply for 2.0.2. Job completed.", "reportedVersion": "2.0.2"},
        {"id": "${appJobId}", "status": "SUCCEEDED", "statusDetail": "No more bundles to apply for 2.0.1. Job completed.", "reportedVersion": "2.0.1"}
      ]
      """
    And the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    And the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"MODEM*ad48df2a*mfw_nrf91x1_2.0.2","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    And the nRF Cloud API should have received exactly `2` `POST /v1/fota-jobs` requests

  Scenario: The device not reporting a new version in time fails the job
    # The suite's test configuration shortens Fota:UpgradePath:ReportTimeout to seconds.
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 60 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "FAILED",
        "statusDetail": "The device did not report a new version in time.",
        "reportedVersion": "2.0.0"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: An upgrade path that returns to a version it started from fails
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.0"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1.",
        "reportedVersion": "2.0.0"
      }
      """
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job2Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*cd5412d9*v2.0.0", "version": "v2.0.0"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.1", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
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
              "version": 2
            }
          }
        ],
        "total": 1
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.1 with bundle APP*cd5412d9*v2.0.0.",
        "reportedVersion": "2.0.1"
      }
      """
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${job2Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*cd5412d9*v2.0.0", "version": "v2.0.0"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
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
              "version": 3
            }
          }
        ],
        "total": 1
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "FAILED",
        "statusDetail": "The upgrade path returned to version 2.0.0.",
        "reportedVersion": "2.0.0"
      }
      """
    And the nRF Cloud API should have received exactly `2` `POST /v1/fota-jobs` requests

  Scenario: The steps' nRF Cloud jobs are job executions of the root API
    Given I connect to the websocket using fingerprint `${fingerprint}`
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "reportedVersion": "2.0.0"
      }
      """
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${job2Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job2Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*cd5412d9*v2.0.2", "version": "v2.0.2"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${job1Id}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.1", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
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
              "version": 2
            }
          }
        ],
        "total": 1
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "IN_PROGRESS",
        "statusDetail": "Started job for version 2.0.1 with bundle APP*cd5412d9*v2.0.2.",
        "reportedVersion": "2.0.1"
      }
      """
    When I `GET` `${serviceUrl}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon I should receive a `https://github.com/hello-nrfcloud/proto/fota/job-executions` response
    And `$.jobs` of the last response should match
      """json
      [
        {"@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution", "id": "${job2Id}", "deviceId": "${fingerprint_deviceId}", "status": "IN_PROGRESS", "version": "v2.0.2"},
        {"@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution", "id": "${job1Id}", "deviceId": "${fingerprint_deviceId}", "status": "COMPLETED", "version": "v2.0.1"}
      ]
      """
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${job1Id}",
        "status": "COMPLETED",
        "statusDetail": "All executions in terminal status"
      }
      """
