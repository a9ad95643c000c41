@http
Feature: Headers, CORS and problem documents on every answer

  > Every answer carries `x-backend-version`. Every error is an
  > `application/problem+json` document with the protocol's `@context`, never a stack
  > trace. Browser clients from `https://hello.nrfcloud.com` and `http(s)://localhost:*`
  > may call the API (CORS); other origins get no CORS headers.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Rule: Every answer names the backend version

    Scenario Outline: <what> carries x-backend-version
      When I `GET` `<url>`
      Then the status code of the last response should be `<status>`
      And the response should have the header `x-backend-version`

      Examples:
        | what             | url                                                                           | status |
        | A list of jobs   | ${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint} | 200    |
        | A refusal        | ${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=nope           | 400    |
        | An unknown route | ${APIURL}/no/such/route                                                       | 404    |
        | The liveness     | ${APIURL}/health/live                                                         | 200    |

  Rule: Every error is a problem document

    Scenario Outline: <what> is answered <status> with a problem document
      When I `<method>` `<url>` with a `<contentType>` body
        """
        <body>
        """
      Then the status code of the last response should be `<status>`
      And the `Content-Type` header of the last response should be `application/problem+json`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "status": <status>
        }
        """
      And `$exists($.title)` of the last response should match
        """json
        true
        """
      And the response should have the header `x-backend-version`

      Examples:
        | what                       | method | url                                                                      | contentType      | body                                  | status |
        | A validation error         | POST   | ${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint} | application/json | {"bundleId": "nope"}                  | 400    |
        | Malformed JSON             | POST   | ${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint} | application/json | {"bundleId":                          | 400    |
        | A body that is not JSON    | POST   | ${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint} | text/plain       | APP*1e29dfa3*v2.0.0                   | 415    |
        | An unknown device          | POST   | ${APIURL}/device/oob-000000000000000/fota?fingerprint=${fingerprint}     | application/json | {"bundleId": "APP*1e29dfa3*v2.0.0"}   | 404    |
        | A wrong method             | PUT    | ${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint} | application/json | {"bundleId": "APP*1e29dfa3*v2.0.0"}   | 405    |
        | An unknown route           | POST   | ${APIURL}/device/${fingerprint_deviceId}/firmware                        | application/json | {}                                    | 404    |
        | An admin call without token | PUT   | ${APIURL}/admin/accounts/nordic                                          | application/json | {"apiEndpoint": "https://api.nrfcloud.com", "apiKey": "k"} | 401 |

    Scenario: A body over 16 KiB is answered 413 with a problem document
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*${$pad('', 17000, 'x')}"
        }
        """
      Then the status code of the last response should be `413`
      And the `Content-Type` header of the last response should be `application/problem+json`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "status": 413
        }
        """

    Scenario: Another device's fingerprint is answered 403 with a problem document
      Given I have the fingerprint for a `PCA20065` device in `other`
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${other}`
      Then the status code of the last response should be `403`
      And the `Content-Type` header of the last response should be `application/problem+json`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "status": 403
        }
        """

  Rule: Browser clients of the allowed origins may call the API

    Scenario Outline: A request from <origin> is allowed
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
      And the request has the header `Origin: <origin>`
      Then the status code of the last response should be `200`
      And the `Access-Control-Allow-Origin` header of the last response should be `<origin>`
      And the `Access-Control-Expose-Headers` header of the last response should contain `Location`
      And the `Access-Control-Expose-Headers` header of the last response should contain `x-backend-version`
      And the `Vary` header of the last response should contain `Origin`

      Examples:
        | origin                     |
        | https://hello.nrfcloud.com |
        | http://localhost:8080      |
        | https://localhost:5173     |
        | http://localhost           |

    Scenario Outline: A request from <origin> gets no CORS headers
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
      And the request has the header `Origin: <origin>`
      Then the status code of the last response should be `200`
      And the response should not have the header `Access-Control-Allow-Origin`
      And the `Vary` header of the last response should contain `Origin`

      Examples:
        | origin                          |
        | https://evil.example.com        |
        | http://hello.nrfcloud.com       |
        | https://hello.nrfcloud.com.evil |
        | https://localhost.evil.com      |
        | ftp://localhost:2121            |
        | null                            |

    Scenario: A request without an Origin still says that answers vary by Origin
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
      Then the status code of the last response should be `200`
      And the `Vary` header of the last response should contain `Origin`
      And the response should not have the header `Access-Control-Allow-Origin`

    Scenario: A preflight request from an allowed origin is answered
      When I `OPTIONS` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}`
      And the request has the header `Origin: https://hello.nrfcloud.com`
      And the request has the header `Access-Control-Request-Method: POST`
      And the request has the header `Access-Control-Request-Headers: content-type`
      Then the status code of the last response should be `204`
      And the `Access-Control-Allow-Origin` header of the last response should be `https://hello.nrfcloud.com`
      And the `Access-Control-Allow-Methods` header of the last response should contain `POST`
      And the `Access-Control-Allow-Headers` header of the last response should contain `content-type`

    Scenario: A preflight request from another origin is not allowed
      When I `OPTIONS` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}`
      And the request has the header `Origin: https://evil.example.com`
      And the request has the header `Access-Control-Request-Method: POST`
      Then the response should not have the header `Access-Control-Allow-Origin`
      And the response should not have the header `Access-Control-Allow-Methods`

  Rule: The service describes itself

    Scenario: Liveness and readiness
      When I `GET` `${APIURL}/health/live`
      Then the status code of the last response should be `200`
      When I `GET` `${APIURL}/health/ready`
      Then the status code of the last response should be `200`

    Scenario: The OpenAPI document describes the FOTA endpoints
      When I `GET` `${APIURL}/openapi/v1.json`
      Then the status code of the last response should be `200`
      And `$keys($.paths)` of the last response should contain `/device/{deviceId}/fota/jobs`
      And `$.paths."/device/{deviceId}/fota".post.responses."202"` of the last response should match
        """json
        {}
        """
      And `$.paths."/device/{deviceId}/fota".post` of the last response should match
        """json
        {
          "operationId": "ScheduleFotaJob",
          "summary": "Schedules a firmware update of the device with an nRF Cloud bundle.",
          "tags": ["FOTA"]
        }
        """
      And `$keys($.paths."/device/{deviceId}/fota".post.requestBody.content)` of the last response should contain `application/json`
      And `$.paths."/device/{deviceId}/fota/jobs".get` of the last response should match
        """json
        {
          "operationId": "ListFotaJobs",
          "summary": "Lists the device's 10 most recent FOTA jobs, newest first.",
          "tags": ["FOTA"]
        }
        """
      And `$.paths."/device/{deviceId}/fota/jobs/{jobId}".delete` of the last response should match
        """json
        {
          "operationId": "CancelFotaJob",
          "summary": "Cancels a FOTA job of the device that is not final yet."
        }
        """
      And `$.paths."/device/{deviceId}/fota/bundles".get` of the last response should match
        """json
        {
          "operationId": "ListFotaBundles",
          "summary": "Lists the firmware bundles of the device's nRF Cloud account, newest first."
        }
        """
