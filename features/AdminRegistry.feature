@admin
Feature: Accounts and devices are provisioned through the admin API

  > Operators and test suites register nRF Cloud accounts and devices with
  > `Authorization: Bearer <admin token>`. A wrong or missing token gets `401`.
  > The answers never contain an nRF Cloud API key.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Rule: Only the admin token opens the admin API

    Scenario Outline: <call> with <authorization> is refused
      When I `<method>` `${APIURL}<path>` with
        """json
        <body>
        """
      And the request has the header `Authorization: <authorization>`
      Then the status code of the last response should be `401`
      And the `Content-Type` header of the last response should be `application/problem+json`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "status": 401
        }
        """

      Examples:
        | call                | method | path                             | body                                                                | authorization              |
        | Updating an account | PUT    | /admin/accounts/${nrfCloudAccount} | {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "stolen"}     | Bearer not-the-admin-token |
        | Updating an account | PUT    | /admin/accounts/${nrfCloudAccount} | {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "stolen"}     | ${adminToken}              |
        | Adding a device     | POST   | /admin/devices                   | {"model": "PCA20065", "account": "${nrfCloudAccount}"}              | Bearer not-the-admin-token |
        | Adding a device     | POST   | /admin/devices                   | {"model": "PCA20065", "account": "${nrfCloudAccount}"}              | Basic ${adminToken}        |

    Scenario: A call without any token is refused
      When I `POST` `${APIURL}/admin/devices` with
        """json
        {"model": "PCA20065", "account": "${nrfCloudAccount}"}
        """
      Then the status code of the last response should be `401`

    Scenario: A refused account update changes nothing
      When I `PUT` `${APIURL}/admin/accounts/${nrfCloudAccount}` with
        """json
        {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "stolen"}
        """
      And the request has the header `Authorization: Bearer not-the-admin-token`
      Then the status code of the last response should be `401`
      Given I have a random UUIDv4 in `jobId`
      And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"jobId": "${jobId}"}
        """
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {"bundleId": "APP*1e29dfa3*v2.0.0"}
        """
      Then the status code of the last response should be `202`
      And soon the nRF Cloud API should have been called with
        """
        POST /v1/fota-jobs HTTP/1.1
        Authorization: Bearer ${nrfCloudApiKey}
        Content-Type: application/json

        {"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
        """

  Rule: Accounts are created and updated

    Scenario: A new account is created
      When I `PUT` `${APIURL}/admin/accounts/${nrfCloudAccount}-new` with
        """json
        {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "a-new-key"}
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then the status code of the last response should be `201`
      And `$exists($.apiKey)` of the last response should match
        """json
        false
        """
      And the last response should not contain `a-new-key`

    Scenario: Updating an account makes the service use its new API key
      Given I have a new nRF Cloud API key in `rotatedKey`
      And I have a random UUIDv4 in `jobId`
      And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"jobId": "${jobId}"}
        """
      When I `PUT` `${APIURL}/admin/accounts/${nrfCloudAccount}` with
        """json
        {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "${rotatedKey}"}
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then the status code of the last response should be `200`
      And the last response should not contain `${rotatedKey}`
      When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota?fingerprint=${fingerprint}` with
        """json
        {"bundleId": "APP*1e29dfa3*v2.0.0"}
        """
      Then the status code of the last response should be `202`
      And soon the nRF Cloud API should have been called with
        """
        POST /v1/fota-jobs HTTP/1.1
        Authorization: Bearer ${rotatedKey}
        Content-Type: application/json

        {"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["${fingerprint_deviceId}"]}
        """

    Scenario: An account updated through the admin API wins over the service's configuration
      # The service's configuration has an account (NrfCloud:Accounts:{name}) in configuredNrfCloudAccount, whose
      # apiEndpoint is the mock; the admin API gives the same name another key.
      Given I have a new nRF Cloud API key in `adminKey`
      And I have a random UUIDv4 in `jobId`
      And this nRF Cloud API is queued for a `POST /v1/fota-jobs` request
        """
        HTTP/1.1 200 OK
        Content-Type: application/json

        {"jobId": "${jobId}"}
        """
      When I `PUT` `${APIURL}/admin/accounts/${configuredNrfCloudAccount}` with
        """json
        {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "${adminKey}"}
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then `$.name` of the last response should match
        """json
        "${configuredNrfCloudAccount}"
        """
      When I `POST` `${APIURL}/admin/devices` with
        """json
        {"model": "PCA20065", "account": "${configuredNrfCloudAccount}"}
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then the status code of the last response should be `201`
      And I store `$.deviceId` of the last response into `configured_deviceId`
      And I store `$.fingerprint` of the last response into `configured`
      When I `POST` `${APIURL}/device/${configured_deviceId}/fota?fingerprint=${configured}` with
        """json
        {"bundleId": "APP*1e29dfa3*v2.0.0"}
        """
      Then the status code of the last response should be `202`
      And soon the nRF Cloud API should have been called with
        """
        POST /v1/fota-jobs HTTP/1.1
        Authorization: Bearer ${adminKey}
        Content-Type: application/json

        {"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["${configured_deviceId}"]}
        """

  Rule: Devices are registered

    Scenario: A device gets a generated id and fingerprint
      When I `POST` `${APIURL}/admin/devices` with
        """json
        {"model": "PCA20065", "account": "${nrfCloudAccount}"}
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then the status code of the last response should be `201`
      And the last response should match
        """json
        {"model": "PCA20065", "account": "${nrfCloudAccount}"}
        """
      And `$contains($.deviceId, /^oob-[0-9]{15}$/) and $contains($.fingerprint, /^[A-Fa-f0-9]+\.[ABCDEFGHIJKMNPQRSTUVWXYZ2-9abcdefghijkmnpqrstuvwxyz]{6}$/)` of the last response should match
        """json
        true
        """
      And I store `$.deviceId` of the last response into `newDeviceId`
      And I store `$.fingerprint` of the last response into `newFingerprint`
      When I `GET` `${APIURL}/device/${newDeviceId}/fota/jobs?fingerprint=${newFingerprint}`
      Then the status code of the last response should be `200`

    Scenario: A device is registered with the id and fingerprint given
      Given I store `'oob-35' & $substring($string($millis()), 0, 13)` into `givenDeviceId`
      And I store `'F' & $substring($string($millis()), 0, 13) & '.ABC234'` into `givenFingerprint`
      When I `POST` `${APIURL}/admin/devices` with
        """json
        {"model": "PCA20065", "account": "${nrfCloudAccount}", "deviceId": "${givenDeviceId}", "fingerprint": "${givenFingerprint}"}
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then the status code of the last response should be `201`
      And the last response should match
        """json
        {"deviceId": "${givenDeviceId}", "fingerprint": "${givenFingerprint}", "model": "PCA20065", "account": "${nrfCloudAccount}"}
        """

    Scenario Outline: A device with a registered <what> is refused with 409
      When I `POST` `${APIURL}/admin/devices` with
        """json
        {"model": "PCA20065", "account": "${nrfCloudAccount}", <field>}
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then the status code of the last response should be `409`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "status": 409
        }
        """

      Examples:
        | what        | field                                         |
        | device id   | "deviceId": "${fingerprint_deviceId}"         |
        | fingerprint | "fingerprint": "${fingerprint}"               |
        | fingerprint in another case | "fingerprint": "${$uppercase(fingerprint)}" |

    Scenario: A device in an unknown account is refused, naming the account
      When I `POST` `${APIURL}/admin/devices` with
        """json
        {"model": "PCA20065", "account": "${nrfCloudAccount}-unknown"}
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then the status code of the last response should be `400`
      And `$.detail` of the last response should contain `account`

  Rule: The admin API refuses what the service cannot use or should not store

    > API keys are sent as an HTTP header, so they hold visible ASCII only. Account names and device ids keep to
    > their documented characters, with nothing after them (not even a line break). Fingerprints are ASCII. A field
    > the body does not have is refused, never ignored. Each refusal is a `400` naming the field.

    Scenario Outline: <input> is refused with 400 naming `<field>`
      When I `<method>` `${APIURL}<path>` with
        """json
        <body>
        """
      And the request has the header `Authorization: Bearer ${adminToken}`
      Then the status code of the last response should be `400`
      And the last response should match
        """json
        {
          "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
          "status": 400
        }
        """
      And `$.detail` of the last response should contain `<field>`

      Examples:
        | input                                    | method | path                                       | body                                                                                                  | field       |
        | An API key with a line break             | PUT    | /admin/accounts/${nrfCloudAccount}-crlf    | {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "key\\r\\nX-Injected: 1"}                         | apiKey      |
        | An API key with a non-ASCII letter       | PUT    | /admin/accounts/${nrfCloudAccount}-utf     | {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "schlüssel"}                                      | apiKey      |
        | An API key with a space                  | PUT    | /admin/accounts/${nrfCloudAccount}-space   | {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "two words"}                                      | apiKey      |
        | An account name ending in a line break   | PUT    | /admin/accounts/${nrfCloudAccount}%0A      | {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "a-key"}                                          | name        |
        | An unknown account field                 | PUT    | /admin/accounts/${nrfCloudAccount}-field   | {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "a-key", "apiToken": "a-key"}                     | apiToken    |
        | A device id ending in a line break       | POST   | /admin/devices                             | {"model": "PCA20065", "account": "${nrfCloudAccount}", "deviceId": "oob-352656100000000\\n"}          | deviceId    |
        | A device id with a non-ASCII letter      | POST   | /admin/devices                             | {"model": "PCA20065", "account": "${nrfCloudAccount}", "deviceId": "oob-café"}                        | deviceId    |
        | An account name ending in a line break   | POST   | /admin/devices                             | {"model": "PCA20065", "account": "${nrfCloudAccount}\\n"}                                             | account     |
        | A fingerprint with the Kelvin sign       | POST   | /admin/devices                             | {"model": "PCA20065", "account": "${nrfCloudAccount}", "fingerprint": "ABC.Y7I24\\u212A"}             | fingerprint |
        | "id" instead of "deviceId"               | POST   | /admin/devices                             | {"model": "PCA20065", "account": "${nrfCloudAccount}", "id": "oob-352656100000000"}                   | id:         |
