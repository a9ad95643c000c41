@upgrade-path @upgrade-path-schedule
Feature: Upgrade paths: scheduling

  > `POST /v2/device/{deviceId}/fota/{app|modem}` with an upgrade path answers `201`
  > with the new job (`NEW`, the device's reported version) and starts it at once.
  > A device runs at most one upgrade-path job per target: a second one while the
  > first is not final is `409`; the other target is not blocked.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `nrfCloudJobId`
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

  Scenario: The new job is answered with 201 and listed
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """
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
    And I should receive a `https://github.com/hello-nrfcloud/proto/fota/job` response
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job",
        "deviceId": "${fingerprint_deviceId}",
        "upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"},
        "status": "NEW",
        "statusDetail": "The job has been created",
        "reportedVersion": "2.0.0"
      }
      """
    And the `Location` header of the last response should be `/v2/device/${fingerprint_deviceId}/fota/jobs`
    And `$length(id)` of the last response should match
      """json
      26
      """
    And I store `id` of the last response into `jobId`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And `$.jobs` of the last response should match
      """json
      [{"id": "${jobId}", "deviceId": "${fingerprint_deviceId}", "upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}]
      """

  Scenario: A second job for the same target is refused while the first runs; the other target is not blocked
    Given I have a random UUIDv4 in `modemJobId`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${modemJobId}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "APP*1e29dfa3*v2.0.1", "version": "v2.0.1"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${modemJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${modemJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2", "version": "mfw_nrf91x1_2.0.2"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {">=2.0.0": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `409`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "A app FOTA job for this device already exists",
        "status": 409
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/modem?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.1": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs` of the last response should match
      """json
      [{"upgradePath": {"2.0.1": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2"}}, {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}]
      """

  Scenario: A second modem job is refused while the first runs
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${nrfCloudJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${nrfCloudJobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"bundleId": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2", "version": "mfw_nrf91x1_2.0.2"}, "target": {"deviceIds": ["${fingerprint_deviceId}"]}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/modem?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.1": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2"}}
      """
    Then the status code of the last response should be `201`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/modem?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.1": "MDM_FULL*bdd24c81*mfw_nrf91x1_full_2.0.2"}}
      """
    Then the status code of the last response should be `409`
    And `$.title` of the last response should match
      """json
      "A modem FOTA job for this device already exists"
      """

  Scenario: A finished job does not block the next one for its target
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED"
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`

  Scenario: An upgrade path of 20 entries is accepted
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1", "1.0.1": "APP*1e29dfa3*v2.0.1", "1.0.2": "APP*1e29dfa3*v2.0.1", "1.0.3": "APP*1e29dfa3*v2.0.1", "1.0.4": "APP*1e29dfa3*v2.0.1", "1.0.5": "APP*1e29dfa3*v2.0.1", "1.0.6": "APP*1e29dfa3*v2.0.1", "1.0.7": "APP*1e29dfa3*v2.0.1", "1.0.8": "APP*1e29dfa3*v2.0.1", "1.0.9": "APP*1e29dfa3*v2.0.1", "1.0.10": "APP*1e29dfa3*v2.0.1", "1.0.11": "APP*1e29dfa3*v2.0.1", "1.0.12": "APP*1e29dfa3*v2.0.1", "1.0.13": "APP*1e29dfa3*v2.0.1", "1.0.14": "APP*1e29dfa3*v2.0.1", "1.0.15": "APP*1e29dfa3*v2.0.1", "1.0.16": "APP*1e29dfa3*v2.0.1", "1.0.17": "APP*1e29dfa3*v2.0.1", "1.0.18": "APP*1e29dfa3*v2.0.1", "1.0.19": "APP*1e29dfa3*v2.0.1"}}
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

  Scenario: The bundles are listed under /v2 as at the root
    Given this nRF Cloud API is queued for a `GET /v1/firmwares?pageLimit=100` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"items": [{"bundleId": "APP*1e29dfa3*v2.0.1", "lastModified": "2024-06-01T10:00:00.000Z", "size": 425860, "version": "v2.0.1", "type": "APP", "filenames": ["hello-nrfcloud-thingy91x-v2.0.1-fwupd.bin"]}], "total": 1}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/bundles",
        "deviceId": "${fingerprint_deviceId}",
        "bundles": [
          {
            "@context": "https://github.com/hello-nrfcloud/proto/fota/bundle",
            "bundleId": "APP*1e29dfa3*v2.0.1",
            "version": "v2.0.1",
            "type": "APP"
          }
        ]
      }
      """
