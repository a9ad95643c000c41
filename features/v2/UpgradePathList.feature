@upgrade-path @upgrade-path-list
Feature: Upgrade paths: listing a device's jobs

  > `GET /v2/device/{deviceId}/fota/jobs` answers `200` with the device's 10 most
  > recent upgrade-path jobs, newest first, and `Cache-Control: no-store`. The seed's
  > job executions (root API) are not upgrade-path jobs and are not listed here.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
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

  Scenario: A new device has no upgrade-path jobs, and the list is never cached
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/jobs",
        "deviceId": "${fingerprint_deviceId}",
        "jobs": []
      }
      """
    And the `Cache-Control` header of the last response should be `no-store`

  Scenario: A job of the root API is not an upgrade-path job
    Given I have a random UUIDv4 in `jobId`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """
    When I `POST` `${serviceUrl}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {"bundleId": "APP*1e29dfa3*v2.0.0"}
      """
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs` of the last response should match
      """json
      []
      """

  Scenario: The 10 most recent jobs are listed, newest first
    # Each job finds no bundle for 2.0.0 and is SUCCEEDED at once; a schedule that
    # comes while the one before is not final yet is 409, and is sent again.
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job1`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job2`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job3`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job4`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job5`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job6`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job7`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job8`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job9`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job10`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    And I store `id` of the last response into `job11`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And `$.jobs.id` of the last response should match
      """json
      ["${job11}", "${job10}", "${job9}", "${job8}", "${job7}", "${job6}", "${job5}", "${job4}", "${job3}", "${job2}"]
      """

  Scenario: A device sees only its own upgrade-path jobs
    Given I have the fingerprint for a `PCA20065` device in `other`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${other_deviceId}/fota/jobs?fingerprint=${other}`
    Then `$.jobs` of the last response should match
      """json
      []
      """
