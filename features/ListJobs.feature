@jobs
Feature: List a device's FOTA jobs

  > `GET /device/{deviceId}/fota/jobs?fingerprint={fingerprint}` answers `200` with
  > the device's 10 most recent jobs, newest first, and `Cache-Control: no-store`.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Scenario: A new device has no jobs
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-executions",
        "deviceId": "${fingerprint_deviceId}",
        "jobs": []
      }
      """

  Scenario: The list is never cached
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And the `Cache-Control` header of the last response should be `no-store`

  Scenario: The newest job is listed first
    Given I have a random UUIDv4 in `jobId`
    And I have a random UUIDv4 in `secondJobId`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${secondJobId}"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v1.0.0"
      }
      """
    Then the status code of the last response should be `202`
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
        {"id": "${secondJobId}", "deviceId": "${fingerprint_deviceId}"},
        {"id": "${jobId}", "deviceId": "${fingerprint_deviceId}"}
      ]
      """

  Scenario: Only the 10 most recent jobs are listed
    Given I have scheduled `11` FOTA jobs for the device in `fingerprint` and stored their ids in `jobIds`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And `$join($.jobs.id, ", ")` of the last response should match
      """json
      "${$join($reverse(jobIds)[[0..9]], ', ')}"
      """

  Scenario: A device sees only its own jobs
    Given I have the fingerprint for a `PCA20065` device in `other`
    And I have a random UUIDv4 in `otherJobId`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${otherJobId}"}
      """
    When I `POST` `${APIURL}/device/${other_deviceId}/fota?fingerprint=${other}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs` of the last response should match
      """json
      []
      """
    When I `GET` `${APIURL}/device/${other_deviceId}/fota/jobs?fingerprint=${other}`
    Then `$.jobs` of the last response should match
      """json
      [{"id": "${otherJobId}"}]
      """

  Scenario: The fingerprint is compared without regard to case
    Given I store `$uppercase(fingerprint)` into `upperFingerprint`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${upperFingerprint}`
    Then the status code of the last response should be `200`
    And `$.deviceId` of the last response should match
      """json
      "${fingerprint_deviceId}"
      """
