@polling
Feature: The service follows each job at nRF Cloud until it is final

  > After scheduling, the service polls `GET /v1/fota-jobs/{jobId}` at once and then with
  > a growing delay, until the job is final: `COMPLETED`, `SUCCEEDED`, `FAILED`, `TIMED_OUT`,
  > `CANCELLED` or `REJECTED`. Every other status keeps being polled. A successful poll
  > takes status, statusDetail (cleared when nRF Cloud omits it), firmware version and
  > `lastUpdatedAt` (verbatim) from nRF Cloud; a failed poll changes nothing.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have a random UUIDv4 in `jobId`
    And I store `$millis()` into `ts`
    And I store `$fromMillis(${ts})` into `tsISO`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}"}
      """

  Scenario Outline: A <status> job is final and is not polled again
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "<status>", "statusDetail": "<statusDetail>", "firmware": {"version": "v2.0.0"}}
      """
    # Were the job polled again, this would turn it back into IN_PROGRESS.
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "polled again"}
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
        "status": "<status>",
        "statusDetail": "<statusDetail>",
        "lastUpdatedAt": "${tsISO}",
        "version": "v2.0.0"
      }
      """
    # A second job of the device, polled while it is not final, measures the time a
    # second poll of the first job would take.
    Given I have a random UUIDv4 in `laterJobId`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${laterJobId}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${laterJobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${laterJobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received at least `3` `GET /v1/fota-jobs/${laterJobId}` requests
    And the nRF Cloud API should have received exactly `1` `GET /v1/fota-jobs/${jobId}` request
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[id="${jobId}"].status` of the last response should match
      """json
      "<status>"
      """

    Examples:
      | status    | statusDetail               |
      | COMPLETED | Job completed              |
      | SUCCEEDED | Job succeeded              |
      | FAILED    | Download failed            |
      | TIMED_OUT | The device did not answer  |
      | CANCELLED | Cancelled by the user      |
      | REJECTED  | The device rejected it     |

  Scenario Outline: A <status> job keeps being polled
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "<status>", "firmware": {"version": "v2.0.0"}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received at least `3` `GET /v1/fota-jobs/${jobId}` requests
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "<status>",
        "lastUpdatedAt": "${tsISO}",
        "version": "v2.0.0"
      }
      """

    Examples:
      | status               |
      | QUEUED               |
      | CREATED              |
      | IN_PROGRESS          |
      | DOWNLOADING          |
      | DELETION_IN_PROGRESS |
      | A_STATUS_NOT_YET_SEEN |

  Scenario: The status detail is cleared when nRF Cloud no longer gives one
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "DOWNLOADING", "statusDetail": "Downloading 42 %", "firmware": {"version": "v2.0.0"}}
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
    Then soon `$.jobs[0].status` of the last response should match
      """json
      "SUCCEEDED"
      """
    # Omitted, not null.
    And `$exists($.jobs[0].statusDetail)` of the last response should match
      """json
      false
      """
    And the nRF Cloud API should have received at least `2` `GET /v1/fota-jobs/${jobId}` requests

  Scenario: nRF Cloud's lastUpdatedAt is passed through as written
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "2024-06-06T15:40:00Z", "lastUpdatedAt": "2024-06-06T17:44:03.1+02:00", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"version": "v2.0.0"}}
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
        "status": "IN_PROGRESS",
        "statusDetail": "Job auto applied",
        "lastUpdatedAt": "2024-06-06T17:44:03.1+02:00",
        "version": "v2.0.0"
      }
      """

  Scenario: A new lastUpdatedAt from nRF Cloud alone is taken over
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "2024-06-06T15:40:00Z", "lastUpdatedAt": "2024-06-06T15:41:00.000Z", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"version": "v2.0.0"}}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "2024-06-06T15:40:00Z", "lastUpdatedAt": "2024-06-06T15:52:30.000Z", "status": "IN_PROGRESS", "statusDetail": "Job auto applied", "firmware": {"version": "v2.0.0"}}
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
        "status": "IN_PROGRESS",
        "statusDetail": "Job auto applied",
        "lastUpdatedAt": "2024-06-06T15:52:30.000Z",
        "version": "v2.0.0"
      }
      """

  Scenario: Without nRF Cloud's lastUpdatedAt, a change gets the service's own timestamp
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "2024-06-06T15:40:00Z", "status": "IN_PROGRESS", "firmware": {"version": "v2.0.0"}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then soon `$.jobs[0].status` of the last response should match
      """json
      "IN_PROGRESS"
      """
    And `$contains($.jobs[0].lastUpdatedAt, /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/)` of the last response should match
      """json
      true
      """
    And `$toMillis($.jobs[0].lastUpdatedAt) >= ${ts} - 1000 and $toMillis($.jobs[0].lastUpdatedAt) <= $millis() + 1000` of the last response should match
      """json
      true
      """

  Scenario: A job without a firmware version at nRF Cloud keeps the version it has
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "firmware": {"version": "v2.0.0"}}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "SUCCEEDED"}
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
        "status": "SUCCEEDED",
        "version": "v2.0.0"
      }
      """

  Scenario Outline: A failed poll (<failure>) changes nothing
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "lastUpdatedAt": "${tsISO}", "status": "DOWNLOADING", "statusDetail": "Downloading", "firmware": {"version": "v2.0.0"}}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 <statusLine>
      Content-Type: application/json

      <body>
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received at least `3` `GET /v1/fota-jobs/${jobId}` requests
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "DOWNLOADING",
        "statusDetail": "Downloading",
        "lastUpdatedAt": "${tsISO}",
        "version": "v2.0.0"
      }
      """

    Examples:
      | failure              | statusLine       | body                                                        |
      | not found            | 404 Not Found    | {"code": 40400, "message": "Not found"}                     |
      | a client error       | 400 Bad Request  | {"code": 40000, "message": "Bad request"}                   |
      | not JSON             | 200 OK           | <html>maintenance</html>                                    |
      | no status            | 200 OK           | {"jobId": "${jobId}", "createdAt": "${tsISO}"}              |
      | another job's answer | 200 OK           | {"jobId": "0b7e3c1a-5d2f-4e8b-9a6c-1f3d5e7a9b2c", "createdAt": "${tsISO}", "status": "COMPLETED"} |

  Scenario: Polls of an unchanged job come at growing intervals
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received at least `7` `GET /v1/fota-jobs/${jobId}` requests
    And the nRF Cloud API should have received the `GET /v1/fota-jobs/${jobId}` requests at growing intervals

  Scenario: A change of the status detail alone gets a new timestamp
    # The first poll fails, so the change comes at least one retry delay after the 202's timestamp.
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 404 Not Found
      Content-Type: application/json

      {"code": 40400, "message": "Not found"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "QUEUED", "statusDetail": "Waiting for the device"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    Given I store `$.lastUpdatedAt` of the last response into `queuedAt`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "id": "${jobId}",
        "status": "QUEUED",
        "statusDetail": "Waiting for the device",
        "version": "unknown"
      }
      """
    And `$toMillis($.jobs[0].lastUpdatedAt) > $toMillis("${queuedAt}")` of the last response should match
      """json
      true
      """

  Scenario: Unchanged polls keep the timestamp of the last change
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "firmware": {"version": "v2.0.0"}}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received at least `3` `GET /v1/fota-jobs/${jobId}` requests
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0].status` of the last response should match
      """json
      "IN_PROGRESS"
      """
    Given I store `$.jobs[0].lastUpdatedAt` of the last response into `changedAt`
    Then soon the nRF Cloud API should have received at least `6` `GET /v1/fota-jobs/${jobId}` requests
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[0].lastUpdatedAt` of the last response should match
      """json
      "${changedAt}"
      """

  Scenario: Failed polls come at growing intervals too
    Given this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 404 Not Found
      Content-Type: application/json

      {"code": 40400, "message": "Not found"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received at least `7` `GET /v1/fota-jobs/${jobId}` requests
    And the nRF Cloud API should have received the `GET /v1/fota-jobs/${jobId}` requests at growing intervals

  Scenario: After a poll that changed the job, the next one comes the poller's first retry delay later
    # Every answer is a change, so every wait is the first one (Fota:Poller:FirstRetryDelay, in pollerFirstRetryDelayMs):
    # never shorter, and the shortest of the 8 less than twice it (the wait after an unchanged poll is twice as long).
    # The shortest, because a loaded machine only ever delays a poll.
    Given this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Step 1 of 8"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Step 2 of 8"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Step 3 of 8"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Step 4 of 8"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Step 5 of 8"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Step 6 of 8"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Step 7 of 8"}
      """
    And this nRF Cloud API is queued for a `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "IN_PROGRESS", "statusDetail": "Step 8 of 8"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${jobId}", "createdAt": "${tsISO}", "status": "COMPLETED"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    And soon the nRF Cloud API should have received at least `9` `GET /v1/fota-jobs/${jobId}` requests
    And the nRF Cloud API should have received the `GET /v1/fota-jobs/${jobId}` requests `${pollerFirstRetryDelayMs}` ms apart

  Scenario: Only nRF Cloud's "not found" ends a job older than the not-found limit, never an outage
    # SPEC 3.2's limit is 24 h (Fota:Poller:NotFoundFailAfter); the suite's environments set it to seconds so that a
    # scenario can age a job past it (tests/Fota.AcceptanceTests/README.md). The outage job is scheduled first, so it is
    # the older one; once the lost job has ended it is past the limit too, and two more of its polls must change nothing.
    # (Retry-After beyond the call's budget: each poll is one request, not retried within the poll.)
    Given I have a random UUIDv4 in `lostJobId`
    And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"jobId": "${lostJobId}"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${jobId}` request
      """
      HTTP/1.1 503 Service Unavailable
      Content-Type: application/json
      Retry-After: 3600

      {"code": 50300, "message": "Down for maintenance"}
      """
    And this nRF Cloud API is queued for every `GET /v1/fota-jobs/${lostJobId}` request
      """
      HTTP/1.1 404 Not Found
      Content-Type: application/json

      {"code": 40400, "message": "Not found"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "APP*1e29dfa3*v2.0.0"
      }
      """
    Then the status code of the last response should be `202`
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
      """json
      {
        "bundleId": "MODEM*5c1f3e2a*mfw_nrf91x1_2.0.1"
      }
      """
    Then the status code of the last response should be `202`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 40 times
    Then soon `$.jobs[id = "${lostJobId}"]` of the last response should match
      """json
      {
        "status": "FAILED",
        "statusDetail": "The job was not found on nRF Cloud. It may have been deleted."
      }
      """
    Given I store the number of `GET /v1/fota-jobs/${jobId}` requests the nRF Cloud API has received into `outagePolls`
    Then soon the nRF Cloud API should have received at least `${outagePolls + 2}` `GET /v1/fota-jobs/${jobId}` requests
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs[id = "${jobId}"]` of the last response should match
      """json
      {
        "status": "QUEUED"
      }
      """
