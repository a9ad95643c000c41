@cancel
Feature: Cancel a FOTA job

  > A user can abort a running firmware update job for a device.

  The service cancels the job at nRF Cloud and marks it `CANCELLED`, and the
  device's WebSocket clients are told. A job that
  is final already cannot be cancelled (409), a job the device does not have is
  not found (404), and when nRF Cloud refuses, nothing changes (500).

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `jobId`
    And I store `$fromMillis($millis())` into `tsISO`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """

  Scenario: Cancel a running job
    Given I connect to the websocket using fingerprint `${fingerprint}`
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"version": "v2.0.0"}}
      """
    And this nRF Cloud API is queued for a `PUT /v1/fota-jobs/${jobId}/cancel` request
      """
      HTTP/1.1 200 OK

      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "IN_PROGRESS"
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `202`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "CANCELLED",
        "statusDetail": "The job was cancelled.",
        "version": "v2.0.0"
      }
      """
    And the nRF Cloud API should have been called with
      """
      PUT /v1/fota-jobs/${jobId}/cancel HTTP/1.1
      Authorization: Bearer ${nrfCloudApiKey}
      Accept: application/json; charset=utf-8
      Content-Type: application/json

      {}
      """
    And I store `lastUpdatedAt` of the last response into `cancelledAt`
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "CANCELLED",
        "statusDetail": "The job was cancelled.",
        "lastUpdatedAt": "${cancelledAt}",
        "version": "v2.0.0"
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "CANCELLED",
        "statusDetail": "The job was cancelled."
      }
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs/${jobId}?fingerprint=${fingerprint}`
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
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `404`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "No FOTA job found with ID!",
        "status": 404
      }
      """
    And `$.detail` of the last response should contain `${jobId}`

  Scenario: Another device's job is not found and stays as it is
    Given I have the fingerprint for a `PCA20065` device in `other`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    When I `DELETE` `${APIURL}/device/${other_deviceId}/fota/jobs/${jobId}?fingerprint=${other}`
    Then the status code of the last response should be `404`
    And the last response should match
      """json
      {
        "title": "No FOTA job found with ID!",
        "status": 404
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "QUEUED"
      }
      """

  Scenario: A failure at nRF Cloud is reported and nothing changes
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"version": "v2.0.0"}}
      """
    And this nRF Cloud API is queued for a `PUT /v1/fota-jobs/${jobId}/cancel` request
      """
      HTTP/1.1 400 Bad Request
      Content-Type: application/json

      {"code": 40001, "message": "The job cannot be cancelled"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 10 times
    Then soon `$.jobs[0].status` of the last response should match
      """json
      "IN_PROGRESS"
      """
    When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs/${jobId}?fingerprint=${fingerprint}`
    Then the status code of the last response should be `500`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "type": "https://hello.nrfcloud.com/errors/InternalError",
        "title": "Cancelling FOTA job failed",
        "status": 500
      }
      """
    And `$.detail` of the last response should contain `nRF Cloud`
    And `$.detail` of the last response should contain `400`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "IN_PROGRESS",
        "statusDetail": "Job auto applied",
        "lastUpdatedAt": "${tsISO}",
        "version": "v2.0.0"
      }
      """
