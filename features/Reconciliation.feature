@reconciliation
Feature: Unknown outcomes are reconciled

  > When nRF Cloud may have created a job but the service could not learn its id — the
  > connection was closed after the create was sent, or nRF Cloud answered 5xx — the caller
  > gets `500` "outcome is unknown". The service then asks nRF Cloud for the account's jobs
  > (`GET /v1/fota-jobs?pageLimit=100`, following `pageNextToken`). The one job of that device
  > and bundle created in the request's time window, and not stored yet, is adopted: it is
  > listed, polled and sent on the WebSocket like any job. When nRF Cloud lists none, nothing
  > was created and the bundle may be scheduled again. Until then an identical schedule is `409`.
  >
  > The service's reconciliation timing is fast in this suite (`Fota:Reconcile:*`, see the
  > root README); in production the first look comes `Fota:Reconcile:FirstRetry` (30 s) later.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `jobId`
    And I store `$millis()` into `ts`
    And I store `$fromMillis(${ts})` into `tsISO`

  Scenario: A job nRF Cloud created after a lost answer is adopted, listed and sent on the WebSocket
    Given I connect to the websocket using fingerprint `${fingerprint}`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json
      X-Mock-Drop: true

      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs?pageLimit=100` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
        "items": [
          {
            "jobId": "${jobId}",
            "createdAt": "${tsISO}",
            "status": "IN_PROGRESS",
            "firmware": { "bundleId": "APP*1e29dfa3*v2.0.0" },
            "target": { "deviceIds": ["${fingerprint_deviceId}"] }
          }
        ]
      }
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "jobId": "${jobId}",
          "createdAt": "${tsISO}",
          "lastUpdatedAt": "${tsISO}",
          "status": "IN_PROGRESS",
          "statusDetail": "Job auto applied",
          "firmware": { "bundleId": "APP*1e29dfa3*v2.0.0", "version": "v2.0.0" }
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `500`
    And `$.detail` of the last response should contain `outcome is unknown`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "IN_PROGRESS",
        "statusDetail": "Job auto applied",
        "lastUpdatedAt": "${tsISO}",
        "version": "v2.0.0"
      }
      """
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "IN_PROGRESS",
        "version": "v2.0.0"
      }
      """
    And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Scenario: nRF Cloud lists no job for the request, so the bundle may be scheduled again
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 503 Service Unavailable
      Content-Type: application/json

      {"message": "Service Unavailable"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs?pageLimit=100` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"items": []}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `500`
    And `$.detail` of the last response should contain `outcome is unknown`
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` retrying 10 times with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then soon the status code of the last response should be `202`
    And the nRF Cloud API should have received at least `1` `GET /v1/fota-jobs` request
    And `$.id` of the last response should contain `${jobId}`
    And the nRF Cloud API should have received exactly `2` `POST /v1/fota-jobs` requests
