@jobs
Feature: FOTA jobs over time

  After scheduling, the service keeps asking nRF Cloud for the job's status
  until the job is final, and lists a device's jobs newest first.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `jobId`

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

  Scenario: Scheduling answers with the queued job
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "QUEUED"
      }
      """
    And I store `$.id` of the last response into `scheduledJobId`
    And soon the nRF Cloud API should have been called with
      """
      GET /v1/fota-jobs/${scheduledJobId} HTTP/1.1
      Authorization: Bearer ${nrfCloudApiKey}
      Accept: application/json; charset=utf-8

      """

  @polling
  Scenario: The job reaches a final state
    Given I store `$millis()` into `ts`
    And I store `$fromMillis(${ts})` into `tsISO`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"version": "v2.0.0"}}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "SUCCEEDED", "firmware": {"version": "v2.0.0"}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "SUCCEEDED",
        "lastUpdatedAt": "${tsISO}",
        "version": "v2.0.0"
      }
      """

  Scenario: The newest job is listed first
    Given I have a random UUIDv4 in `secondJobId`
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
        {"id": "${secondJobId}"},
        {"id": "${jobId}"}
      ]
      """

  @accounts
  Scenario: A device in another account uses that account at nRF Cloud
    Given I have the fingerprint for a `PCA20065` device in `elite` in the `elite` account
    And this nRF Cloud API request is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """
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
