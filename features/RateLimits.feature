@rate-limits
Feature: Each client's requests are rate limited

  > The device endpoints and the WebSocket allow one client address 120 requests a minute
  > (`Http:RateLimit:PermitLimit`, `Http:RateLimit:Window`: the defaults, which the suite's hosts keep).
  > One more is answered `429` with `Retry-After` and a problem document; another client is not affected.
  > The suite runs every scenario as its own client: its requests and WebSockets send `X-Forwarded-For: ${clientAddress}`
  > (a documentation address), which the service honours from trusted proxies only (by default loopback, where the
  > suite runs the service in-process and in `scripts/run-deployed.sh`).
  > The count is kept per service instance (in memory). `/ws` is limited the same way; deployed, the suite's
  > WebSockets reach another instance than its HTTP requests, so that is shown by the service's tests
  > (`RateLimitTests.The_WebSocket_endpoint_is_limited_too`).

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Scenario: A client over its limit gets 429 with Retry-After while another client does not
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` 120 times
    Then the status code of the last response should be `200`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the status code of the last response should be `429`
    And the response should have the header `Retry-After`
    And the `Content-Type` header of the last response should be `application/problem+json`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "status": 429,
        "title": "Too many requests"
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    And the request has the header `X-Forwarded-For: ${otherClientAddress}`
    Then the status code of the last response should be `200`
