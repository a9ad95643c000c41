@errors
Feature: FOTA error answers

  Requests the service cannot serve get a problem document
  (`application/problem+json`) that says what is wrong: validation errors name
  the field, an unknown device is 404, a fingerprint of another device is 403,
  and a failure at nRF Cloud is a 500 naming nRF Cloud and its status.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Scenario: An invalid bundle id is rejected, naming the field
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "not a bundle"
      }
      """
    Then the status code of the last response should be `400`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "status": 400
      }
      """
    And `$.detail` of the last response should contain `bundleId`

  Scenario: A malformed fingerprint is rejected, naming the field
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=not-a-fingerprint`
    Then the status code of the last response should be `400`
    And `$.detail` of the last response should contain `fingerprint`

  Scenario: An unknown device is not found
    When I `GET` `${APIURL}/device/oob-000000000000000/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `404`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "No device found with ID!",
        "status": 404
      }
      """

  Scenario: The fingerprint of another device is refused
    Given I have the fingerprint for a `PCA20065` device in `other`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${other}`
    Then the status code of the last response should be `403`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Fingerprint does not match!",
        "status": 403
      }
      """

  Scenario: A failure at nRF Cloud is reported and nothing is stored
    Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 400 Bad Request
      Content-Type: application/json

      {"code": 40010, "message": "Invalid bundle"}
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
        "type": "https://hello.nrfcloud.com/errors/InternalError",
        "title": "Scheduling FOTA update failed",
        "status": 500
      }
      """
    And `$.detail` of the last response should contain `nRF Cloud`
    And `$.detail` of the last response should contain `400`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And `$.jobs` of the last response should match
      """json
      []
      """
