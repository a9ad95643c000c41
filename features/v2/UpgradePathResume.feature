@upgrade-path @upgrade-path-resume @own-instances
Feature: Upgrade paths: a job survives restarts and crashes

  > SPEC §3.6: the flow is durable. Every step's outcome is stored before its
  > effect, so a job goes on where it was when the service stops or dies, on
  > whichever instance runs next, and no step runs twice: one nRF Cloud job per
  > step, never a second create for the same bundle.
  >
  > A restart (a new instance starts on the same database, then the old one stops)
  > lets the old instance finish the passes it is running and give its claims back,
  > so the new one goes on at once. An instance that dies gives nothing back: its
  > claim on a job runs out with its lease (here 25 s: `NrfCloud:TotalTimeout` 4 s,
  > two store budgets of 10 s, `Fota:UpgradePath:ClaimMargin` 1 s), then the next
  > instance resumes the job from what is stored. A step whose nRF Cloud job is
  > stored goes on waiting for it; a step whose create was sent but never answered
  > fails, its outcome unknown (creating again might make a second job); a step
  > that sent nothing is started again.
  >
  > Every scenario runs against a service of its own (`@own-instances`: its own
  > database, the suite's mock nRF Cloud), which it restarts or lets die; a dead
  > instance stores nothing more from then on. The suite can do that only to the
  > service it runs in-process: against a deployment these scenarios are skipped.

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

  Scenario: A restart while a step waits for nRF Cloud: the next instance goes on at once
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
        "statusDetail": "Started job for version 2.0.0 with bundle APP*1e29dfa3*v2.0.1.",
        "reportedVersion": "2.0.0"
      }
      """
    And soon the nRF Cloud API should have received at least `1` `GET /v1/fota-jobs/${job1Id}` request
    When the Fota service restarts
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
    # "soon" gives up after seconds, long before a claim the old instance kept would run out.
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED",
        "statusDetail": "No more bundles to apply for 2.0.1. Job completed.",
        "reportedVersion": "2.0.1"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: A restart while a step's nRF Cloud create takes seconds: the stopping instance records the job, the next goes on
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json
      X-Mock-Delay: 3s

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
    And soon the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
    # The new instance runs while the old one stops: it must not take the job over before the create is answered.
    When the Fota service restarts
    And I `GET` `${serviceUrl}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${job1Id}",
        "deviceId": "${fingerprint_deviceId}"
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
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED",
        "statusDetail": "No more bundles to apply for 2.0.1. Job completed.",
        "reportedVersion": "2.0.1"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: A restart while the cancel at nRF Cloud is under way: the next instance cancels at once
    # The stop cuts the old instance's PUT short; the claim it gives back lets the new instance send the cancel again at once.
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
    And this nRF Cloud API is queued for a `PUT /v1/fota-jobs/${job1Id}/cancel` request
      """
      HTTP/1.1 200 OK
      X-Mock-Delay: 60s

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
    When I `GET` `${serviceUrl}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${job1Id}",
        "status": "IN_PROGRESS"
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received exactly `1` `PUT /v1/fota-jobs/${job1Id}/cancel` request
    When the Fota service restarts
    Then soon the nRF Cloud API should have received exactly `2` `PUT /v1/fota-jobs/${job1Id}/cancel` requests
    When I `GET` `${serviceUrl}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${job1Id}",
        "status": "CANCELLED"
      }
      """

  Scenario: An instance that dies while a step's nRF Cloud job is being created: the next one fails the job, the outcome unknown, and creates none
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${job1Id}"}
      """
    And the Fota service will die while the step's nRF Cloud job is being created
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When the Fota service has died and another instance has started on its database
    And I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 60 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "FAILED",
        "statusDetail": "The outcome of the nRF Cloud job for bundle APP*1e29dfa3*v2.0.1 is unknown.",
        "reportedVersion": "2.0.0"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: An instance that dies right after storing a step's nRF Cloud job: the next one follows that job
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

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And the Fota service will die right after storing the step's nRF Cloud job
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
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
    When the Fota service has died and another instance has started on its database
    And I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 60 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED",
        "statusDetail": "No more bundles to apply for 2.0.1. Job completed.",
        "reportedVersion": "2.0.1"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: An instance that dies right after recording a step, before its create: the next one creates the step's job, once
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

      {"jobId": "${job1Id}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And the Fota service will die right after recording the step
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
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
    When the Fota service has died and another instance has started on its database
    Then the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 60 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED",
        "statusDetail": "No more bundles to apply for 2.0.1. Job completed.",
        "reportedVersion": "2.0.1"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
