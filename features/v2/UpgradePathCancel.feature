@upgrade-path @upgrade-path-cancel
Feature: Upgrade paths: cancelling a job

  > `DELETE /v2/device/{deviceId}/fota/job/{jobId}` answers `202` and the job is
  > `FAILED` "The job was cancelled." at once, whichever step it is in. A step's
  > nRF Cloud job that is not final is cancelled at nRF Cloud (`PUT …/cancel` with
  > the body `{}`); nothing the flow does afterwards revives the job. A job the
  > device does not have is `404`, a final one `409`.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `nrfCloudJobId`
    And I have a random UUIDv4 in `nextNrfCloudJobId`
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
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """

  Scenario: Cancel while the step's nRF Cloud job runs
    Given I connect to the websocket using fingerprint `${fingerprint}`
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for a `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 200 OK
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
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
        "id": "${jobId}",
        "status": "IN_PROGRESS"
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """
    And soon the nRF Cloud API should have been called with
      """
      PUT /v1/fota-jobs/${nrfCloudJobId}/cancel HTTP/1.1
      Content-Type: application/json

      {}
      """
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job",
        "id": "${jobId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `409`
    And `$.title` of the last response should match
      """json
      "The FOTA job is already finished."
      """

  Scenario: A step that completes after the cancel does not revive the job
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for a `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 200 OK
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
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
        "id": "${jobId}",
        "status": "IN_PROGRESS"
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received exactly `1` `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nextNrfCloudJobId}"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
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
    When I connect to the websocket using fingerprint `${fingerprint}`
    Then soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [{"ObjectID": 14204, "Resources": {"3": "2.0.1"}}]
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: Cancel while waiting for the device to report its new version
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
    When I `GET` `${serviceUrl}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {"id": "${nrfCloudJobId}", "status": "COMPLETED"}
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nextNrfCloudJobId}"}
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
    And I connect to the websocket using fingerprint `${fingerprint}`
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [{"ObjectID": 14204, "Resources": {"3": "2.0.1"}}]
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
    And the nRF Cloud API should have received exactly `0` `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` requests

  Scenario: A job cancelled while waiting for the device no longer has the device's state read
    # No WebSocket is connected: only the job's wait for the device's report has the device read in the background.
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "COMPLETED", "statusDetail": "All executions in terminal status", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
    And I store the number of `GET /v1/devices` requests the nRF Cloud API has received into `scheduleReads`
    # The step's nRF Cloud job is COMPLETED: the job waits for the device, which is read in the background.
    And soon the nRF Cloud API should have received at least `${scheduleReads + 2}` `GET /v1/devices` requests
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    And the nRF Cloud API should receive no more `GET /v1/devices` requests for `2` seconds, once those on their way have arrived
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """

  Scenario: The job is cancelled even when nRF Cloud fails to cancel the step's job
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for every `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 503 Service Unavailable
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
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
        "id": "${jobId}",
        "status": "IN_PROGRESS"
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """
    And soon the nRF Cloud API should have received at least `2` `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` requests

  Scenario: A cancel nRF Cloud refuses is tried again until nRF Cloud cancels the step's job
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for a `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 400 Bad Request
      Content-Type: application/json

      {"message": "upstream secret"}
      """
    And this nRF Cloud API is queued for a `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 200 OK
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
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
        "id": "${jobId}",
        "status": "IN_PROGRESS"
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received exactly `2` `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` requests
    # The step's job execution at the root API shows nRF Cloud's cancel.
    When I `GET` `${serviceUrl}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${nrfCloudJobId}",
        "status": "CANCELLED",
        "statusDetail": "The job was cancelled."
      }
      """
    And the last response should not contain `upstream secret`
    And the nRF Cloud API should have received exactly `2` `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` requests

  Scenario: nRF Cloud refusing every cancel is tried 6 times, at growing intervals, then given up
    # Fota:UpgradePath:MaxCancelAttempts is 6 in the suite's test configuration (default 20); the wait after the n-th
    # refusal is Fota:UpgradePath:Interval (upgradePathIntervalMs) times 2^n.
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for every `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 400 Bad Request
      Content-Type: application/json

      {"message": "upstream secret"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
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
        "id": "${jobId}",
        "status": "IN_PROGRESS"
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received exactly `6` `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` requests
    And the nRF Cloud API should have received the `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` requests at growing intervals, doubling from at least `${upgradePathIntervalMs * 2}` ms
    And the nRF Cloud API should receive no more `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` requests for `4` seconds
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """

  Scenario: A finished job cannot be cancelled
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED"
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `409`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "The FOTA job is already finished.",
        "status": 409
      }
      """

  Scenario: An unknown job is not found
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/01J861VKYH5QVD6QQ5YXXF20EF?fingerprint=${fingerprint}`
    Then the status code of the last response should be `404`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "No FOTA job found with ID!",
        "status": 404
      }
      """

  Scenario: Another device's job is not found and keeps running
    Given I have the fingerprint for a `PCA20065` device in `other`
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `jobId`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    When I `DELETE` `${APIURL}/device/${other_deviceId}/fota/job/${jobId}?fingerprint=${other}`
    Then the status code of the last response should be `404`
    And `$.title` of the last response should match
      """json
      "No FOTA job found with ID!"
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "IN_PROGRESS"
      }
      """
    And the nRF Cloud API should have received exactly `0` `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` requests
