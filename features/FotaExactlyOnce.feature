@exactly-once
Feature: Scheduling is exactly-once

  > One accepted schedule request makes at most one FOTA job at nRF Cloud: the create
  > (`POST /v1/fota-jobs`) is sent **once**, never retried once it may have reached nRF Cloud.
  > When nRF Cloud may have created the job but the service cannot know — the connection was
  > closed after the request was sent, the answer came after the attempt timeout, or nRF Cloud
  > answered 5xx — the answer is `500` whose `detail` says the outcome is unknown and names
  > nRF Cloud; the service keeps the request for reconciliation (it is not listed as a job).
  > While a request is being created or reconciled, an identical one (same device, same bundle) is
  > `409`; so is one while a job of that device and bundle has not ended (one running job per
  > device and bundle). A different bundle for the same device is accepted.
  > A malformed JSON body is `400` naming the body, never `500`, and never reaches nRF Cloud.
  >
  > The faults come from the mock's directives (`X-Mock-Drop: true`, `X-Mock-Delay: 60s`),
  > queued for *every* create so that a retrying service would meet the same fault again.
  > nRF Cloud's calls are counted right after the answer: a retrying service has sent more
  > than one by then.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Rule: The create is sent once, and an unknown outcome is reported as such

    Scenario: nRF Cloud receives the create and closes the connection without answering
      Given this nRF Cloud API is queued for every `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json
        X-Mock-Drop: true

        """
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `500`
      And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
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
      And `$.detail` of the last response should contain `outcome is unknown`
      And `$.detail` of the last response should contain `nRF Cloud`
      And `$.detail` of the last response should not contain `${nrfCloudApiKey}`
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
      Then the status code of the last response should be `200`
      And `$.jobs` of the last response should match
        """json
        []
        """
      And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

    Scenario: nRF Cloud answers the create after the service's attempt timeout
      Given this nRF Cloud API is queued for every `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json
        X-Mock-Delay: 60s

        {"jobId": "too-late"}
        """
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `500`
      And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "title": "Scheduling FOTA update failed",
          "status": 500
        }
        """
      And `$.detail` of the last response should contain `outcome is unknown`
      And `$.detail` of the last response should contain `nRF Cloud`
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
      Then `$.jobs` of the last response should match
        """json
        []
        """

    Scenario Outline: nRF Cloud answers the create with <status>, which is not retried
      Given this nRF Cloud API is queued for every `POST /v1/fota-jobs` request
        """
        HTTP/1.1 <status> <reason>
        Content-Type: application/json

        {"message": "<reason>"}
        """
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `500`
      And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
      And `$.title` of the last response should contain `Scheduling FOTA update failed`
      And `$.detail` of the last response should contain `outcome is unknown`
      And `$.detail` of the last response should contain `nRF Cloud`
      And `$.detail` of the last response should contain `<status>`

      Examples:
        | status | reason                |
        | 500    | Internal Server Error |
        | 503    | Service Unavailable   |

  Rule: While a request is being created, an identical one is refused with 409

    Scenario: A second identical request while the first create is in flight
      Given this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json
        X-Mock-Delay: 4s
        X-Mock-Drop: true

        """
      And I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      And I send the request without waiting for its answer as `first`
      And soon the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `409`
      And the `Content-Type` header of the last response should be `application/problem+json`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "title": "FOTA job is already being scheduled",
          "status": 409
        }
        """
      And `$.detail` of the last response should contain `bundle APP*1e29dfa3*v2.0.0 for device ${fingerprint_deviceId}`
      And `$.detail` of the last response should contain `Wait for its answer, then list the device's jobs.`
      And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
      When the answer to `first` has arrived
      Then the status code of the last response should be `500`
      And `$.detail` of the last response should contain `outcome is unknown`
      # Reconciliation asks nRF Cloud, which lists no job: nothing was created, the bundle is free again.
      Given this nRF Cloud API is queued for every `GET /v1/fota-jobs?pageLimit=100` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"items": []}
        """
      And I have a random UUIDv4 in `jobId`
      And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
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
      And `$.id` of the last response should contain `${jobId}`
      And the nRF Cloud API should have received exactly `2` `POST /v1/fota-jobs` requests

  Rule: One running job per device and bundle

    Scenario: An identical schedule after the first was accepted is 409 naming the running job
      Given I have a random UUIDv4 in `jobId`
      And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"jobId": "${jobId}"}
        """
      And I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      And the status code of the last response should be `202`
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `409`
      And the `Content-Type` header of the last response should be `application/problem+json`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "title": "FOTA job is already running",
          "status": 409
        }
        """
      And `$.detail` of the last response should contain `FOTA job ${jobId} with bundle APP*1e29dfa3*v2.0.0 for device ${fingerprint_deviceId}`
      And `$.detail` of the last response should contain `Wait for it to end or cancel it, then schedule again.`
      And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
      Given I have a random UUIDv4 in `modemJobId`
      And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"jobId": "${modemJobId}"}
        """
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "MODEM*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `202`
      And `$.id` of the last response should contain `${modemJobId}`

    Scenario: Another bundle for the same device while a create is in flight is accepted
      Given I have a random UUIDv4 in `jobId`
      And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json
        X-Mock-Delay: 4s
        X-Mock-Drop: true

        """
      And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"jobId": "${jobId}"}
        """
      And I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      And I send the request without waiting for its answer as `first`
      And soon the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "MODEM*5c1f3e2a*mfw_nrf91x1_2.0.1"
        }
        """
      Then the status code of the last response should be `202`
      And `$.id` of the last response should contain `${jobId}`
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `409`
      When the answer to `first` has arrived
      Then the status code of the last response should be `500`
      And the nRF Cloud API should have received exactly `2` `POST /v1/fota-jobs` requests

  Rule: A stop lets a create already sent finish, and stores its job

    # SPEC §3.1: a deploy (SIGTERM) must not lose a job nRF Cloud made. The restart starts a new instance on the same
    # database, then stops the old one gracefully while nRF Cloud still holds the create's answer (3 s).
    @own-instances
    Scenario: A restart while a create is on its way to nRF Cloud: the stopping instance waits for it and stores the job
      Given I have a random UUIDv4 in `jobId`
      And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json
        X-Mock-Delay: 3s

        {"jobId": "${jobId}"}
        """
      And I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      And I send the request without waiting for its answer as `first`
      And soon the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request
      When the Fota service restarts
      And I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
      Then the status code of the last response should be `200`
      And `$.jobs[0]` of the last response should match
        """json
        {
          "id": "${jobId}",
          "deviceId": "${fingerprint_deviceId}"
        }
        """
      And the nRF Cloud API should have received exactly `1` `POST /v1/fota-jobs` request

  Rule: A malformed body is refused with 400 naming the body, never 500

    Scenario Outline: Scheduling refuses a body with <what>
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with a `application/json` body
        """
        <body>
        """
      Then the status code of the last response should be `400`
      And the `Content-Type` header of the last response should be `application/problem+json`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "status": 400
        }
        """
      And `$.detail` of the last response should contain `body`
      And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

      Examples:
        | what                                 | body                                                               |
        | a duplicate key                      | {"bundleId":"x","bundleId":"APP*1e29dfa3*v2.0.0"}                  |
        | a duplicate key of the same value    | {"bundleId":"APP*1e29dfa3*v2.0.0","bundleId":"APP*1e29dfa3*v2.0.0"} |
        | a duplicate key that is not read     | {"bundleId":"APP*1e29dfa3*v2.0.0","note":1,"note":2}               |
        | a lone high surrogate                | {"bundleId":"\ud800"}                                              |
        | a lone low surrogate                 | {"bundleId":"APP*1e29dfa3*\udc00"}                                 |
        | a lone surrogate in a key            | {"bundleId":"APP*1e29dfa3*v2.0.0","\ud800":1}                      |
        | a lone surrogate in a nested value   | {"bundleId":"APP*1e29dfa3*v2.0.0","notes":[{"n":"\udbff"}]}        |
        | JSON cut off after a value           | {"bundleId":"APP*1e29dfa3*v2.0.0"                                  |
        | JSON cut off in a string             | {"bundleId":"APP*1e29                                              |
        | JSON cut off in an escape            | {"bundleId":"\u00                                                  |
        | an invalid escape                    | {"bundleId":"\x41PP*1e29dfa3*v2.0.0"}                              |
        | a trailing comma                     | {"bundleId":"APP*1e29dfa3*v2.0.0",}                                |
        | a comment                            | {"bundleId":"APP*1e29dfa3*v2.0.0"} // the bundle                   |
        | single quotes                        | {'bundleId':'APP*1e29dfa3*v2.0.0'}                                 |
        | a second document after the object  | {"bundleId":"APP*1e29dfa3*v2.0.0"}{}                               |
        | a number instead of an object        | 42                                                                 |
        | true instead of an object            | true                                                               |
        | null instead of an object            | null                                                               |
        | nesting deeper than 32 levels        | {"bundleId":"APP*1e29dfa3*v2.0.0","x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]} |

    Scenario Outline: Scheduling refuses a bundle id that is <what>
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with a `application/json` body
        """
        {"bundleId": <bundleId>}
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `bundleId`
      And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

      Examples:
        | what                    | bundleId                  |
        | a boolean               | true                      |
        | an object               | {"id": "APP*1e29dfa3*v2.0.0"} |
        | an array                | ["APP*1e29dfa3*v2.0.0"]   |
        | followed by a newline   | "APP*1e29dfa3*v2.0.0\\n"  |

    Scenario Outline: The admin API refuses a <call> body with <what>
      When I `<method>` `${APIURL}<path>` with a `application/json` body
        """
        <body>
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then the status code of the last response should be `400`
      And the `Content-Type` header of the last response should be `application/problem+json`
      And `$.detail` of the last response should contain `body`

      Examples:
        | call           | what                  | method | path                               | body                                                                        |
        | device         | a duplicate key       | POST   | /admin/devices                     | {"model":"PCA20065","account":"${nrfCloudAccount}","model":"PCA20035"}      |
        | device         | a lone surrogate      | POST   | /admin/devices                     | {"model":"\ud800","account":"${nrfCloudAccount}"}                          |
        | device         | JSON cut off          | POST   | /admin/devices                     | {"model":"PCA20065","account":                                              |
        | account update | a duplicate key       | PUT    | /admin/accounts/${nrfCloudAccount} | {"apiEndpoint":"${nrfCloudApiEndpoint}","apiKey":"a","apiKey":"b"}         |
        | account update | a lone surrogate      | PUT    | /admin/accounts/${nrfCloudAccount} | {"apiEndpoint":"${nrfCloudApiEndpoint}","apiKey":"\udc00"}                 |
