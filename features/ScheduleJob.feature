@schedule
Feature: Schedule a FOTA job

  > `POST /device/{deviceId}/fota?fingerprint={fingerprint}` with `{"bundleId": "…"}`
  > creates the job at nRF Cloud for the device's account, stores it as `QUEUED`
  > and answers `202 Accepted` with the job execution and
  > `Location: /device/{deviceId}/fota/jobs`.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `jobId`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """

  Scenario: The job is created at nRF Cloud with exactly the body nRF Cloud expects
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Authorization: Bearer ${nrfCloudApiKey}
      Accept: application/json; charset=utf-8
      Content-Type: application/json

      {"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: The answer is the queued job execution
    Given I store `$millis()` into `before`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And the `Location` header of the last response should be `/device/${fingerprint_deviceId}/fota/jobs`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "QUEUED",
        "version": "unknown"
      }
      """
    And `$exists($.statusDetail)` of the last response should match
      """json
      false
      """
    # Timestamps the service makes are UTC with milliseconds, like JavaScript's toISOString().
    And `$contains($.lastUpdatedAt, /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/)` of the last response should match
      """json
      true
      """
    And `$toMillis($.lastUpdatedAt) >= ${before} - 1000 and $toMillis($.lastUpdatedAt) <= $millis() + 1000` of the last response should match
      """json
      true
      """

  Scenario: The first status poll follows right after scheduling
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have been called with
      """
      GET /v1/fota-jobs/${jobId} HTTP/1.1
      Authorization: Bearer ${nrfCloudApiKey}
      Accept: application/json; charset=utf-8

      """

  Scenario: The scheduled job is listed
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs` of the last response should match
      """json
      [
        {
          "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
          "id": "${jobId}",
          "deviceId": "${fingerprint_deviceId}"
        }
      ]
      """

  Scenario Outline: Every kind of firmware bundle can be scheduled: <bundleId>
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "<bundleId>"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Content-Type: application/json

      {"bundleId":"<bundleId>","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """

    Examples:
      | bundleId                           |
      | APP*1e29dfa3*v2.0.0                |
      | MODEM*5c2a8d1e*mfw_nrf91x1_2.0.1   |
      | BOOT*0a1B2c3D*v1                   |
      | SOFTDEVICE*ABCDEF12*s140           |
      | BOOTLOADER*00000000*anything-goes  |
      | MDM_FULL*9f8e7d6c*mfw_nrf9160_1.3.5 |
      | APP*1e29dfa3*                      |

  Scenario: The fingerprint is compared without regard to case
    Given I store `$uppercase(fingerprint)` into `upperFingerprint`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${upperFingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And `$.id` of the last response should match
      """json
      "${jobId}"
      """

  @accounts
  Scenario: An account's API endpoint with a path keeps its path in every call
    # The mock serves every path outside /mock/ as nRF Cloud, so a prefix is just part of the path it records.
    Given this nRF Cloud API is queued for a `POST /some/prefix/v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """
    And this nRF Cloud API is queued for every `GET /some/prefix/v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "2024-01-01T00:00:00.000Z", "status": "IN_PROGRESS"}
      """
    And this nRF Cloud API is queued for a `GET /some/prefix/v1/firmwares` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"items": [{"bundleId": "APP*1e29dfa3*v2.0.0", "version": "v2.0.0", "type": "APP", "size": 1, "filenames": []}], "total": 1}
      """
    When I `PUT` `${APIURL}/admin/accounts/${nrfCloudAccount}` with
      """json
      {"apiEndpoint": "${nrfCloudApiEndpoint}/some/prefix", "apiKey": "${nrfCloudApiKey}"}
      """
    And the request has the header `Authorization: Bearer ${adminToken}`
    Then the status code of the last response should be `200`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have been called with
      """
      POST /some/prefix/v1/fota-jobs HTTP/1.1
      Authorization: Bearer ${nrfCloudApiKey}
      Content-Type: application/json

      {"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then soon `$.jobs[0].status` of the last response should match
      """json
      "IN_PROGRESS"
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And `$.bundles[0].bundleId` of the last response should match
      """json
      "APP*1e29dfa3*v2.0.0"
      """

  Scenario: A device in another account uses that account at nRF Cloud
    Given I have the fingerprint for a `PCA20065` device in `elite` in the `elite` account
    When I `POST` `${APIURL}/device/${elite_deviceId}/fota?fingerprint=${elite}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have been called with
      """
      POST /v1/fota-jobs HTTP/1.1
      Authorization: Bearer ${eliteNrfCloudApiKey}
      Content-Type: application/json

      {"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["${elite_deviceId}"]}
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
