@nrfcloud-faults
Feature: A failure at nRF Cloud is reported and nothing is stored

  > When nRF Cloud does not create the job, scheduling answers `500` with
  > `type: https://hello.nrfcloud.com/errors/InternalError`, `title: Scheduling FOTA update failed`
  > and a `detail` naming nRF Cloud and its status. The service stores nothing, and
  > the account's API key never appears in the answer.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Scenario Outline: nRF Cloud answers <status>
    Given this nRF Cloud API is queued for every `POST /v1/fota-jobs` request
      """
      HTTP/1.1 <status> <reason>
      Content-Type: application/json

      {"code": 40010, "message": "<message>"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `500`
    And the `Content-Type` header of the last response should be `application/problem+json`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "type": "https://hello.nrfcloud.com/errors/InternalError",
        "title": "Scheduling FOTA update failed",
        "status": 500
      }
      """
    And `$.detail` of the last response should contain `nRF Cloud`
    And `$.detail` of the last response should contain `<status>`
    And `$.detail` of the last response should not contain `${nrfCloudApiKey}`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And `$.jobs` of the last response should match
      """json
      []
      """

    Examples:
      | status | reason                | message              |
      | 400    | Bad Request           | Invalid bundle       |
      | 401    | Unauthorized          | Invalid API key      |
      | 403    | Forbidden             | Not your device      |
      | 404    | Not Found             | No such bundle       |
      | 422    | Unprocessable Entity  | Device not onboarded |
      | 503    | Service Unavailable   | Try again later      |

  Scenario: After a 5xx the outcome is unknown, and the answer says what to do
    Given this nRF Cloud API is queued for every `POST /v1/fota-jobs` request
      """
      HTTP/1.1 502 Bad Gateway
      Content-Type: application/json

      {"code": 50200, "message": "Upstream failed"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `500`
    And `$.detail` of the last response should contain `The outcome is unknown`
    And `$.detail` of the last response should contain `502`
    And `$.detail` of the last response should contain `for reconciliation. List the device's jobs before scheduling again.`

  Scenario Outline: nRF Cloud answers 200 without a job id: <body>
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      <body>
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `500`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Scheduling FOTA update failed",
        "status": 500
      }
      """
    And `$.detail` of the last response should contain `nRF Cloud`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs` of the last response should match
      """json
      []
      """

    Examples:
      | body                 |
      | {}                   |
      | {"jobId": ""}        |
      | {"jobId": 42}        |
      | ["a-job-id"]         |
      | it was created       |

  Scenario: A device whose account nRF Cloud cannot be reached at is reported
    Given I have the fingerprint for a `PCA20065` device in `lost` in an account whose nRF Cloud cannot be reached
    When I `POST` `${APIURL}/device/${lost_deviceId}/fota?fingerprint=${lost}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `500`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "type": "https://hello.nrfcloud.com/errors/InternalError",
        "title": "Scheduling FOTA update failed",
        "status": 500
      }
      """
    And `$.detail` of the last response should contain `nRF Cloud`
    When I `GET` `${APIURL}/device/${lost_deviceId}/fota/jobs?fingerprint=${lost}`
    Then `$.jobs` of the last response should match
      """json
      []
      """

  Scenario: After nRF Cloud refused a create, the same request can be repeated at once
    Given I have a random UUIDv4 in `jobId`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 400 Bad Request
      Content-Type: application/json

      {"code": 40010, "message": "Invalid bundle"}
      """
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
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
    Then the status code of the last response should be `500`
    And `$.detail` of the last response should contain `400`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And `$.id` of the last response should contain `${jobId}`

  Scenario: After nRF Cloud could not be reached, the same request can be repeated at once
    Given I have the fingerprint for a `PCA20065` device in `lost` in an account whose nRF Cloud cannot be reached
    When I `POST` `${APIURL}/device/${lost_deviceId}/fota?fingerprint=${lost}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `500`
    When I `POST` `${APIURL}/device/${lost_deviceId}/fota?fingerprint=${lost}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `500`
    And the last response should match
      """json
      {
        "title": "Scheduling FOTA update failed",
        "status": 500
      }
      """
    And `$.detail` of the last response should contain `nRF Cloud`
