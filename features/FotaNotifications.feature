@notifications
Feature: FOTA notifications

  A web application keeps a WebSocket open for the device it shows. The service sends the
  device's identity first, then the job execution every time one of the device's jobs is
  created or changes, once per stored change, to every open connection of that device.
  A web page may connect only from an origin CORS allows.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I connect to the websocket using fingerprint `${fingerprint}`
    And I have a random UUIDv4 in `jobId`
    And I store `$millis()` into `ts`
    And I store `$fromMillis(${ts})` into `tsISO`
    And I store `$millis() + 30 * 1000` into `ts2`
    And I store `$fromMillis(${ts2})` into `ts2ISO`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """

  Scenario: The device's identity comes first
    Then soon I should receive a message on the websocket that is equal to
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/deviceIdentity",
        "id": "${fingerprint_deviceId}",
        "model": "PCA20065"
      }
      """
    And I should have received no other messages on the websocket

  Scenario: One message per change and none for an unchanged poll
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
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
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
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
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "jobId": "${jobId}",
          "createdAt": "${tsISO}",
          "lastUpdatedAt": "${ts2ISO}",
          "status": "COMPLETED",
          "statusDetail": "All executions in terminal status",
          "firmware": { "bundleId": "APP*1e29dfa3*v2.0.0", "version": "v2.0.0" }
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon I should receive a message on the websocket that is equal to
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/deviceIdentity",
        "id": "${fingerprint_deviceId}",
        "model": "PCA20065"
      }
      """
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "QUEUED",
        "version": "unknown"
      }
      """
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
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
        "status": "COMPLETED",
        "statusDetail": "All executions in terminal status",
        "lastUpdatedAt": "${ts2ISO}"
      }
      """
    And I should have received no other messages on the websocket

  Scenario: Two connections of one device both get the change
    Given I connect to the websocket using fingerprint `${fingerprint}` as `second`
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "jobId": "${jobId}",
          "createdAt": "${tsISO}",
          "lastUpdatedAt": "${ts2ISO}",
          "status": "COMPLETED",
          "statusDetail": "All executions in terminal status",
          "firmware": { "bundleId": "APP*1e29dfa3*v2.0.0", "version": "v2.0.0" }
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "COMPLETED"
      }
      """
    And soon I should receive a message on the websocket `second` that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "COMPLETED"
      }
      """

  Scenario: Another device's client gets nothing of this device
    Given I have the fingerprint for a `PCA20065` device in `otherFingerprint`
    And I connect to the websocket using fingerprint `${otherFingerprint}` as `other`
    And I have a random UUIDv4 in `otherJobId`
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
          "jobId": "${jobId}",
          "createdAt": "${tsISO}",
          "lastUpdatedAt": "${ts2ISO}",
          "status": "COMPLETED",
          "statusDetail": "All executions in terminal status",
          "firmware": { "bundleId": "APP*1e29dfa3*v2.0.0", "version": "v2.0.0" }
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${jobId}",
        "deviceId": "${fingerprint_deviceId}",
        "status": "COMPLETED"
      }
      """
    # The other device's own change comes after this device's changes, so anything of this device would have arrived first.
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${otherJobId}"}
      """
    When I `POST` `${APIURL}/device/${otherFingerprint_deviceId}/fota?fingerprint=${otherFingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon I should receive a message on the websocket `other` that is equal to
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/deviceIdentity",
        "id": "${otherFingerprint_deviceId}",
        "model": "PCA20065"
      }
      """
    And soon I should receive a message on the websocket `other` that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/job-execution",
        "id": "${otherJobId}",
        "deviceId": "${otherFingerprint_deviceId}",
        "status": "QUEUED"
      }
      """
    And I should have received no other messages on the websocket `other`

  Scenario: A bad or an unknown fingerprint is refused before the upgrade
    Then connecting to the websocket using fingerprint `not-a-fingerprint` should be refused with status `400`
    And connecting to the websocket using fingerprint `ABCDEF0123456789.ZZZZZZ` should be refused with status `403`
    When I `GET` `${APIURL}/ws?fingerprint=ABCDEF0123456789.ZZZZZZ`
    Then the status code of the last response should be `403`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Unknown fingerprint!",
        "status": 403
      }
      """
    When I `GET` `${APIURL}/ws?fingerprint=not-a-fingerprint`
    Then the status code of the last response should be `400`
    And `$.detail` of the last response should contain `fingerprint`

  Scenario: A web page from another origin may not open the device's WebSocket
    # Browsers send their page's Origin; the WebSocket allows the origins CORS allows (Cors:AllowedOrigins).
    Then connecting to the websocket using fingerprint `${fingerprint}` from the origin `https://evil.example` should be refused with status `403`
    When I `GET` `${APIURL}/ws?fingerprint=${fingerprint}`
    And the request has the header `Origin: https://evil.example`
    Then the status code of the last response should be `403`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Origin not allowed!",
        "status": 403
      }
      """
