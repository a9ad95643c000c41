@validation
Feature: Requests are checked in the order 400, 404, 403

  > Every device endpoint (schedule, list, bundles, cancel) checks a request in this order: **400** when the request
  > is invalid (`detail` names every failing field), **404** `No device found with ID!`
  > when the device is unknown, **403** `Fingerprint does not match!` when the device
  > exists but the fingerprint is another one. Fingerprints match
  > `^[A-F0-9]+\.[ABCDEFGHIJKMNPQRSTUVWXYZ2-9]{6}$` without regard to case; bundle ids
  > match `^(APP|MODEM|BOOT|SOFTDEVICE|BOOTLOADER|MDM_FULL)\*[0-9a-zA-Z]{8}\*.*$`.
  > Nothing reaches nRF Cloud for a refused request.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And I have the fingerprint for a `PCA20065` device in `other`

  Rule: An invalid request is refused with 400, naming the field

    Scenario Outline: Scheduling refuses the bundle id <bundleId>
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": <bundleId>
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
      And `$.detail` of the last response should not contain `fingerprint`
      And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

      Examples:
        | bundleId                 | why                          |
        | "not a bundle"           | no type, no hash             |
        | "app*1e29dfa3*v2.0.0"    | the type is case-sensitive   |
        | "FIRMWARE*1e29dfa3*v2"   | an unknown type              |
        | "APP*1e29dfa*v2.0.0"     | a hash of 7 characters       |
        | "APP*1e29dfa3f*v2.0.0"   | a hash of 9 characters       |
        | "APP*1e29-fa3*v2.0.0"    | a hash that is not 0-9a-zA-Z |
        | "APP*1e29dfa3"           | no second `*`                |
        | " APP*1e29dfa3*v2.0.0"   | a leading space              |
        | ""                       | empty                        |
        | 42                       | not a string                 |
        | null                     | null                         |

    Scenario: Scheduling refuses a body without a bundle id
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundle": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `bundleId`

    Scenario Outline: The detail says whether the bundle id is missing or invalid: <bundleId>
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": <bundleId>
        }
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `bundleId: <says>, must match ^(APP`
      And `$.detail` of the last response should not contain `<notSaid>`

      Examples:
        | bundleId       | says                     | notSaid     |
        | null           | is required (a string)   | is invalid  |
        | 42             | is required (a string)   | is invalid  |
        | "not a bundle" | is invalid               | is required |

    Scenario: A body that is a JSON value but no object is answered with an example
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        ["APP*1e29dfa3*v2.0.0"]
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `body: must be a JSON object like {"bundleId": "APP*1e29dfa3*v2.0.0"}`

    Scenario Outline: Scheduling refuses a body that is not a JSON object: <body>
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with a `application/json` body
        """
        <body>
        """
      Then the status code of the last response should be `400`
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
        | body                               |
        | ["APP*1e29dfa3*v2.0.0"]            |
        | "APP*1e29dfa3*v2.0.0"              |
        | {"bundleId": "APP*1e29dfa3*v2.0.0" |
        | bundleId=APP*1e29dfa3*v2.0.0       |

    Scenario Outline: Scheduling refuses the fingerprint <fingerprint>
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=<fingerprint>` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `fingerprint`
      And `$.detail` of the last response should not contain `bundleId`
      And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

      Examples:
        | fingerprint  | why                                  |
        | 92b.y7i24    | 5 characters after the dot           |
        | 92b.y7i24qq  | 7 characters after the dot           |
        | 92g.y7i24q   | g is not hexadecimal                 |
        | 92b.y7i24l   | l is not in the alphabet             |
        | 92b.y7i24o   | o is not in the alphabet             |
        | 92b.y7i241   | 1 is not in the alphabet             |
        | 92by7i24q    | no dot                               |
        | .y7i24q      | nothing before the dot               |
        | 92b.y7i24q%20 | a trailing space                    |

    Scenario Outline: Listing refuses the fingerprint <fingerprint>
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=<fingerprint>`
      Then the status code of the last response should be `400`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "status": 400
        }
        """
      And `$.detail` of the last response should contain `fingerprint`

      Examples:
        | fingerprint  |
        | 92b.y7i24    |
        | 92g.y7i24q   |
        | 92b.y7i24l   |
        | 92by7i24q    |
        | .y7i24q      |

    Scenario Outline: Listing bundles and cancelling refuse the fingerprint <fingerprint> with 400, not 403
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=<fingerprint>`
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `fingerprint: is invalid, must match ^[A-F0-9]+`
      When I `DELETE` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs/9d1f0a6e-3c2b-4a57-8e1d-2f6b7c8a9e01?fingerprint=<fingerprint>`
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `fingerprint: is invalid, must match ^[A-F0-9]+`
      And the nRF Cloud API should have received exactly `0` `GET /v1/firmwares` requests

      Examples:
        | fingerprint  |
        | 92b.y7i24    |
        | 92g.y7i24q   |
        | 92by7i24q    |

    Scenario Outline: The detail says the fingerprint is <what>
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs<query>`
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `fingerprint: <says>, must match ^[A-F0-9]+`
      And `$.detail` of the last response should not contain `<notSaid>`
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota<query>` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `fingerprint: <says>, must match ^[A-F0-9]+`
      And `$.detail` of the last response should not contain `<notSaid>`

      Examples:
        | what                   | query                  | says                            | notSaid     |
        | missing                |                        | is required (query parameter)   | is invalid  |
        | empty                  | ?fingerprint=          | is required (query parameter)   | is invalid  |
        | invalid                | ?fingerprint=92b.y7i24 | is invalid                      | is required |

    Scenario: Scheduling without a fingerprint is refused
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `fingerprint`

    Scenario: Listing without a fingerprint is refused
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs`
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `fingerprint`

    Scenario: Every failing field is named at once
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=not-a-fingerprint` with
        """json
        {
          "bundleId": "not a bundle"
        }
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `fingerprint`
      And `$.detail` of the last response should contain `bundleId`

    Scenario: The fingerprint's pattern is checked without regard to case
      Given I store `$lowercase(fingerprint)` into `lowerFingerprint`
      And I store `$uppercase(fingerprint)` into `upperFingerprint`
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${lowerFingerprint}`
      Then the status code of the last response should be `200`
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${upperFingerprint}`
      Then the status code of the last response should be `200`

  Rule: An unknown device is 404, even with another device's fingerprint

    Scenario: Scheduling for an unknown device
      When I `POST` `${APIURL}/device/oob-000000000000000/fota?fingerprint=${fingerprint}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `404`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "title": "No device found with ID!",
          "status": 404,
          "detail": "oob-000000000000000"
        }
        """
      And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

    Scenario: Listing for an unknown device
      When I `GET` `${APIURL}/device/oob-000000000000000/fota/jobs?fingerprint=${fingerprint}`
      Then the status code of the last response should be `404`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "title": "No device found with ID!",
          "status": 404,
          "detail": "oob-000000000000000"
        }
        """

  Rule: A known device with another fingerprint is 403

    Scenario: Scheduling with another device's fingerprint
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${other}` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `403`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "title": "Fingerprint does not match!",
          "status": 403,
          "detail": "The fingerprint does not belong to device ${fingerprint_deviceId}."
        }
        """
      And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

    Scenario: Listing with another device's fingerprint
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${other}`
      Then the status code of the last response should be `403`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "title": "Fingerprint does not match!",
          "status": 403,
          "detail": "The fingerprint does not belong to device ${fingerprint_deviceId}."
        }
        """

  Rule: The checks run in the order 400, 404, 403

    Scenario Outline: <what> wins over an unknown device
      When I `POST` `${APIURL}/device/oob-000000000000000/fota?fingerprint=<fingerprint>` with
        """json
        {
          "bundleId": "<bundleId>"
        }
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `<field>`

      Examples:
        | what                   | fingerprint    | bundleId            | field       |
        | An invalid bundle id   | ${fingerprint} | not a bundle        | bundleId    |
        | An invalid fingerprint | 92b.y7i24      | APP*1e29dfa3*v2.0.0 | fingerprint |

    Scenario: An invalid fingerprint wins over an unknown device when listing
      When I `GET` `${APIURL}/device/oob-000000000000000/fota/jobs?fingerprint=92b.y7i24`
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `fingerprint`

    Scenario: An invalid bundle id wins over another device's fingerprint
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${other}` with
        """json
        {
          "bundleId": "not a bundle"
        }
        """
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `bundleId`

    Scenario: An invalid fingerprint wins over another device's fingerprint when listing
      When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=92b.y7i24`
      Then the status code of the last response should be `400`

    Scenario Outline: An unknown device wins over a fingerprint of <whose>
      When I `GET` `${APIURL}/device/oob-000000000000000/fota/jobs?fingerprint=<fingerprint>`
      Then the status code of the last response should be `404`
      When I `POST` `${APIURL}/device/oob-000000000000000/fota?fingerprint=<fingerprint>` with
        """json
        {
          "bundleId": "APP*1e29dfa3*v2.0.0"
        }
        """
      Then the status code of the last response should be `404`

      Examples:
        | whose          | fingerprint |
        | another device | ${other}    |
        | no device      | 000.AAAAAA  |
