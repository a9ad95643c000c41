@bundles
Feature: List FOTA bundles

  > Power-users can retrieve a list of available bundle IDs for their device so
  > they can schedule a FOTA for a different one than the suggested one.

  The service lists the firmware bundles of the device's nRF Cloud account,
  following nRF Cloud's pages, newest first (bundles without a date last), and
  keeps a successful list for a while (`Fota:Bundles:CacheDuration`), per account
  key and endpoint: an account updated through the admin API is listed afresh.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Scenario: Fetch the list of bundles
    Given this nRF Cloud API request is queued for a `GET /v1/firmwares` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
        "items": [
          {
            "bundleId": "APP*0103b0f9*v2.0.0",
            "lastModified": "2023-06-29T14:18:19.000Z",
            "size": 426280,
            "version": "v2.0.0",
            "type": "APP",
            "filenames": ["hello-nrfcloud-thingy91-sol-dbg-v1.1.2-fwupd.bin"],
            "name": "hello.nrfcloud.com v2.0.0",
            "description": "Firmware Update Image BIN file (thingy91, solar, debug)"
          }
        ],
        "total": 1
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And the `Cache-Control` header of the last response should be `no-store`
    And soon I should receive a `https://github.com/hello-nrfcloud/proto/fota/bundles` response
    And `$.bundles[0]` of the last response should match
      """json
      {
        "bundleId": "APP*0103b0f9*v2.0.0",
        "version": "v2.0.0",
        "type": "APP"
      }
      """

  Scenario: Bundles on two pages are listed together, newest first
    # The second page is queued first: its request also carries every query parameter of the first page's queue key.
    Given this nRF Cloud API is queued for a `GET /v1/firmwares?pageNextToken=page-two` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
        "items": [
          {"bundleId": "APP*0103b0f9*v2.0.0", "lastModified": "2024-06-01T08:00:00.000Z", "size": 426280, "version": "v2.0.0", "type": "APP", "filenames": ["v2.bin"]}
        ],
        "total": 3
      }
      """
    And this nRF Cloud API is queued for a `GET /v1/firmwares` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {
        "items": [
          {"bundleId": "MODEM*ad48df2a*mfw_nrf91x1_2.0.1", "size": 2419560, "version": "mfw_nrf91x1_2.0.1", "type": "MODEM", "filenames": ["mfw.zip"]},
          {"bundleId": "APP*0103b0f9*v1.0.0", "lastModified": "2023-01-10T10:00:00.000Z", "size": 425860, "version": "v1.0.0", "type": "APP", "filenames": ["v1.bin"]}
        ],
        "total": 3,
        "pageNextToken": "page-two"
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And `$.bundles` of the last response should match
      """json
      [
        {"@context": "https://github.com/hello-nrfcloud/proto/fota/bundle", "bundleId": "APP*0103b0f9*v2.0.0", "version": "v2.0.0", "type": "APP"},
        {"@context": "https://github.com/hello-nrfcloud/proto/fota/bundle", "bundleId": "APP*0103b0f9*v1.0.0", "version": "v1.0.0", "type": "APP"},
        {"@context": "https://github.com/hello-nrfcloud/proto/fota/bundle", "bundleId": "MODEM*ad48df2a*mfw_nrf91x1_2.0.1", "version": "mfw_nrf91x1_2.0.1", "type": "MODEM"}
      ]
      """
    And the nRF Cloud API should have been called with
      """
      GET /v1/firmwares?pageLimit=100 HTTP/1.1
      Authorization: Bearer ${nrfCloudApiKey}
      Accept: application/json; charset=utf-8

      """
    And the nRF Cloud API should have been called with
      """
      GET /v1/firmwares?pageLimit=100&pageNextToken=page-two HTTP/1.1
      Authorization: Bearer ${nrfCloudApiKey}

      """

  Scenario: An account without bundles gets an empty list
    Given this nRF Cloud API is queued for a `GET /v1/firmwares` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"items": [], "total": 0}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/fota/bundles",
        "deviceId": "${fingerprint_deviceId}",
        "bundles": []
      }
      """

  Scenario: A listed account's bundles are served from the cache
    # Queued once: the second request would get the mock's 404 if it reached nRF Cloud.
    Given this nRF Cloud API is queued for a `GET /v1/firmwares` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"items": [{"bundleId": "APP*0103b0f9*v2.0.0", "version": "v2.0.0", "type": "APP", "size": 1, "filenames": []}], "total": 1}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And `$.bundles[0].bundleId` of the last response should match
      """json
      "APP*0103b0f9*v2.0.0"
      """

  Scenario: After the account gets a new API key, the bundles are listed with it, not taken from the cache
    # The response is queued for both keys of the scenario: one listing with each.
    Given I have a new nRF Cloud API key in `rotatedKey`
    And this nRF Cloud API is queued for a `GET /v1/firmwares` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"items": [{"bundleId": "APP*0103b0f9*v2.0.0", "version": "v2.0.0", "type": "APP", "size": 1, "filenames": []}], "total": 1}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then `$.bundles[0].bundleId` of the last response should match
      """json
      "APP*0103b0f9*v2.0.0"
      """
    When I `PUT` `${APIURL}/admin/accounts/${nrfCloudAccount}` with
      """json
      {"apiEndpoint": "${nrfCloudApiEndpoint}", "apiKey": "${rotatedKey}"}
      """
    And the request has the header `Authorization: Bearer ${adminToken}`
    Then the status code of the last response should be `200`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
    And the nRF Cloud API should have been called with
      """
      GET /v1/firmwares?pageLimit=100 HTTP/1.1
      Authorization: Bearer ${rotatedKey}

      """
    And the nRF Cloud API should have received exactly `2` `GET /v1/firmwares` requests

  Scenario: After the account moves to a new API endpoint, the bundles are listed there, not taken from the cache
    Given this nRF Cloud API is queued for a `GET /v1/firmwares` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"items": [{"bundleId": "APP*0103b0f9*v2.0.0", "version": "v2.0.0", "type": "APP", "size": 1, "filenames": []}], "total": 1}
      """
    And this nRF Cloud API is queued for a `GET /moved/v1/firmwares` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"items": [{"bundleId": "APP*7a2c9e41*v2.1.0", "version": "v2.1.0", "type": "APP", "size": 1, "filenames": []}], "total": 1}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then `$.bundles[0].bundleId` of the last response should match
      """json
      "APP*0103b0f9*v2.0.0"
      """
    When I `PUT` `${APIURL}/admin/accounts/${nrfCloudAccount}` with
      """json
      {"apiEndpoint": "${nrfCloudApiEndpoint}/moved", "apiKey": "${nrfCloudApiKey}"}
      """
    And the request has the header `Authorization: Bearer ${adminToken}`
    Then the status code of the last response should be `200`
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then `$.bundles[0].bundleId` of the last response should match
      """json
      "APP*7a2c9e41*v2.1.0"
      """

  Scenario: A failure at nRF Cloud is reported naming nRF Cloud and its status, and not cached
    Given this nRF Cloud API is queued for a `GET /v1/firmwares` request
      """
      HTTP/1.1 403 Forbidden
      Content-Type: application/json

      {"code": 40300, "message": "Forbidden"}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `500`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "type": "https://hello.nrfcloud.com/errors/InternalError",
        "title": "Fetching FOTA bundles failed",
        "status": 500
      }
      """
    And `$.detail` of the last response should contain `nRF Cloud`
    And `$.detail` of the last response should contain `403`
    Given this nRF Cloud API is queued for a `GET /v1/firmwares` request
      """
      HTTP/1.1 200 OK
      Content-Type: application/json

      {"items": [], "total": 0}
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/bundles?fingerprint=${fingerprint}`
    Then the status code of the last response should be `200`
