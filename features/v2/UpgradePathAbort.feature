@upgrade-path @upgrade-path-seed
Feature: Abort Device FOTA jobs

  > A user abort a running firmware update job for a device.

  The upstream seed `upgrade-path-abort.feature.md` (beside this file, run unchanged as a
  BDD-Markdown story) in Gherkin: the same steps in the same words, but every scenario
  stands alone. The Background runs before each scenario, and a scenario first repeats,
  as preparation, the steps of the scenarios before it that it builds on. The story's
  `needs: [Device FOTA]` only orders the Markdown runs; nothing here depends on another
  feature.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `nrfCloudJobId`
    And I store `$fromMillis($millis())` into `tsJob1CreatedISO`
    And I store `$fromMillis($millis() + 60 * 1000)` into `tsJob1CancelledISO`
    And there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "$meta": {
              "createdAt": "${$fromMillis($millis())}",
              "updatedAt": "${$fromMillis($millis())}"
            },
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {
                    "appVersion": "2.0.0",
                    "modemFirmware": "mfw_nrf91x1_2.0.1",
                    "imei": "355025930003908",
                    "board": "thingy91x",
                    "hwVer": "nRF9151 LACA ADA"
                  },
                  "serviceInfo": {
                    "fota_v2": ["BOOT", "MODEM", "APP"]
                  }
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {
                      "appVersion": { "timestamp": 1716801888 },
                      "modemFirmware": { "timestamp": 1716801888 },
                      "imei": { "timestamp": 1716801888 },
                      "board": { "timestamp": 1716801888 },
                      "hwVer": { "timestamp": 1716801888 }
                    },
                    "serviceInfo": {
                      "fota_v2": [
                        {
                          "timestamp": 1717409966
                        },
                        {
                          "timestamp": 1717409966
                        },
                        {
                          "timestamp": 1717409966
                        }
                      ]
                    }
                  }
                }
              },
              "version": 8835
            }
          }
        ],
        "total": 1
      }
      """
    And I connect to the websocket using fingerprint `${fingerprint}`

  Scenario: The device reports that it is eligible for FOTA
    Then soon I should receive a message on the websocket that matches after 20 retries
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [
          {
            "ObjectID": 14401,
            "Resources": {
              "0": ["BOOT", "MODEM", "APP"],
              "99": 1717409966
            }
          }
        ]
      }
      """

  Scenario: Schedule the FOTA job
    Given this nRF Cloud API request is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """
    And this nRF Cloud API request is queued for a `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "createdAt": "${tsJob1CreatedISO}",
          "firmware": {
              "bundleId": "APP*2c3cf63b*v2.0.1",
              "fileSize": 425860,
              "firmwareType": "APP",
              "host": "firmware.nrfcloud.com",
              "uris": [
                  "bbfe6b73-a46a-43ad-94bd-8e4b4a7847ce/APP*2c3cf63b*v2.0.1/hello-nrfcloud-thingy91x-v2.0.1-fwupd.bin"
              ],
              "version": "v2.0.1"
          },
          "jobId": "${nrfCloudJobId}",
          "lastUpdatedAt": "${tsJob1CreatedISO}",
          "name": "${nrfCloudJobId}",
          "status": "IN_PROGRESS",
          "statusDetail": "Job auto applied",
          "target": {
              "deviceIds": [
                  "${fingerprint_deviceId}"
              ],
              "tags": []
          }
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {
        "upgradePath": {
          ">=0.0.0": "APP*2c3cf63b*v2.0.1"
        }
      }
      """
    Then the status code of the last response should be `201`
    And I should receive a `https://github.com/hello-nrfcloud/proto/fota/job` response
    And I store `id` of the last response into `jobId`

  Scenario: Wait for the job to be created on nRF Cloud
    Given this nRF Cloud API request is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """
    And this nRF Cloud API request is queued for a `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "createdAt": "${tsJob1CreatedISO}",
          "firmware": {
              "bundleId": "APP*2c3cf63b*v2.0.1",
              "fileSize": 425860,
              "firmwareType": "APP",
              "host": "firmware.nrfcloud.com",
              "uris": [
                  "bbfe6b73-a46a-43ad-94bd-8e4b4a7847ce/APP*2c3cf63b*v2.0.1/hello-nrfcloud-thingy91x-v2.0.1-fwupd.bin"
              ],
              "version": "v2.0.1"
          },
          "jobId": "${nrfCloudJobId}",
          "lastUpdatedAt": "${tsJob1CreatedISO}",
          "name": "${nrfCloudJobId}",
          "status": "IN_PROGRESS",
          "statusDetail": "Job auto applied",
          "target": {
              "deviceIds": [
                  "${fingerprint_deviceId}"
              ],
              "tags": []
          }
      }
      """
    And I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {
        "upgradePath": {
          ">=0.0.0": "APP*2c3cf63b*v2.0.1"
        }
      }
      """
    And the status code of the last response should be `201`
    And I should receive a `https://github.com/hello-nrfcloud/proto/fota/job` response
    And I store `id` of the last response into `jobId`
    Then soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*2c3cf63b*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """

  Scenario: Cancel the job
    Given this nRF Cloud API request is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """
    And this nRF Cloud API request is queued for a `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "createdAt": "${tsJob1CreatedISO}",
          "firmware": {
              "bundleId": "APP*2c3cf63b*v2.0.1",
              "fileSize": 425860,
              "firmwareType": "APP",
              "host": "firmware.nrfcloud.com",
              "uris": [
                  "bbfe6b73-a46a-43ad-94bd-8e4b4a7847ce/APP*2c3cf63b*v2.0.1/hello-nrfcloud-thingy91x-v2.0.1-fwupd.bin"
              ],
              "version": "v2.0.1"
          },
          "jobId": "${nrfCloudJobId}",
          "lastUpdatedAt": "${tsJob1CreatedISO}",
          "name": "${nrfCloudJobId}",
          "status": "IN_PROGRESS",
          "statusDetail": "Job auto applied",
          "target": {
              "deviceIds": [
                  "${fingerprint_deviceId}"
              ],
              "tags": []
          }
      }
      """
    And I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {
        "upgradePath": {
          ">=0.0.0": "APP*2c3cf63b*v2.0.1"
        }
      }
      """
    And the status code of the last response should be `201`
    And I should receive a `https://github.com/hello-nrfcloud/proto/fota/job` response
    And I store `id` of the last response into `jobId`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*2c3cf63b*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    Given this nRF Cloud API request is queued for a `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 202 OK
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`

  Scenario: Job is cancelled
    Given this nRF Cloud API request is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """
    And this nRF Cloud API request is queued for a `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "createdAt": "${tsJob1CreatedISO}",
          "firmware": {
              "bundleId": "APP*2c3cf63b*v2.0.1",
              "fileSize": 425860,
              "firmwareType": "APP",
              "host": "firmware.nrfcloud.com",
              "uris": [
                  "bbfe6b73-a46a-43ad-94bd-8e4b4a7847ce/APP*2c3cf63b*v2.0.1/hello-nrfcloud-thingy91x-v2.0.1-fwupd.bin"
              ],
              "version": "v2.0.1"
          },
          "jobId": "${nrfCloudJobId}",
          "lastUpdatedAt": "${tsJob1CreatedISO}",
          "name": "${nrfCloudJobId}",
          "status": "IN_PROGRESS",
          "statusDetail": "Job auto applied",
          "target": {
              "deviceIds": [
                  "${fingerprint_deviceId}"
              ],
              "tags": []
          }
      }
      """
    And I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {
        "upgradePath": {
          ">=0.0.0": "APP*2c3cf63b*v2.0.1"
        }
      }
      """
    And the status code of the last response should be `201`
    And I should receive a `https://github.com/hello-nrfcloud/proto/fota/job` response
    And I store `id` of the last response into `jobId`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*2c3cf63b*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    And this nRF Cloud API request is queued for a `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 202 OK
      """
    And I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    And the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon I should receive a `https://github.com/hello-nrfcloud/proto/fota/jobs` response
    And `$.jobs[0]` of the last response should match
      """json
      {
        "deviceId": "${fingerprint_deviceId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """

  Scenario: Receive a notification
    Given this nRF Cloud API request is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """
    And this nRF Cloud API request is queued for a `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "createdAt": "${tsJob1CreatedISO}",
          "firmware": {
              "bundleId": "APP*2c3cf63b*v2.0.1",
              "fileSize": 425860,
              "firmwareType": "APP",
              "host": "firmware.nrfcloud.com",
              "uris": [
                  "bbfe6b73-a46a-43ad-94bd-8e4b4a7847ce/APP*2c3cf63b*v2.0.1/hello-nrfcloud-thingy91x-v2.0.1-fwupd.bin"
              ],
              "version": "v2.0.1"
          },
          "jobId": "${nrfCloudJobId}",
          "lastUpdatedAt": "${tsJob1CreatedISO}",
          "name": "${nrfCloudJobId}",
          "status": "IN_PROGRESS",
          "statusDetail": "Job auto applied",
          "target": {
              "deviceIds": [
                  "${fingerprint_deviceId}"
              ],
              "tags": []
          }
      }
      """
    And I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {
        "upgradePath": {
          ">=0.0.0": "APP*2c3cf63b*v2.0.1"
        }
      }
      """
    And the status code of the last response should be `201`
    And I should receive a `https://github.com/hello-nrfcloud/proto/fota/job` response
    And I store `id` of the last response into `jobId`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*2c3cf63b*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    And this nRF Cloud API request is queued for a `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 202 OK
      """
    And I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    And the status code of the last response should be `202`
    Then soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job",
        "deviceId": "${fingerprint_deviceId}",
        "status": "FAILED",
        "statusDetail": "The job was cancelled."
      }
      """

  Scenario: The job on nRF Cloud should be cancelled
    Given this nRF Cloud API request is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """
    And this nRF Cloud API request is queued for a `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "createdAt": "${tsJob1CreatedISO}",
          "firmware": {
              "bundleId": "APP*2c3cf63b*v2.0.1",
              "fileSize": 425860,
              "firmwareType": "APP",
              "host": "firmware.nrfcloud.com",
              "uris": [
                  "bbfe6b73-a46a-43ad-94bd-8e4b4a7847ce/APP*2c3cf63b*v2.0.1/hello-nrfcloud-thingy91x-v2.0.1-fwupd.bin"
              ],
              "version": "v2.0.1"
          },
          "jobId": "${nrfCloudJobId}",
          "lastUpdatedAt": "${tsJob1CreatedISO}",
          "name": "${nrfCloudJobId}",
          "status": "IN_PROGRESS",
          "statusDetail": "Job auto applied",
          "target": {
              "deviceIds": [
                  "${fingerprint_deviceId}"
              ],
              "tags": []
          }
      }
      """
    And I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {
        "upgradePath": {
          ">=0.0.0": "APP*2c3cf63b*v2.0.1"
        }
      }
      """
    And the status code of the last response should be `201`
    And I should receive a `https://github.com/hello-nrfcloud/proto/fota/job` response
    And I store `id` of the last response into `jobId`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*2c3cf63b*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    And this nRF Cloud API request is queued for a `PUT /v1/fota-jobs/${nrfCloudJobId}/cancel` request
      """
      HTTP/1.1 202 OK
      """
    And I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/job/${jobId}?fingerprint=${fingerprint}`
    And the status code of the last response should be `202`
    Then soon the nRF Cloud API should have been called with
      """
      PUT /v1/fota-jobs/${nrfCloudJobId}/cancel HTTP/1.1

      {}
      """
