@device-state
Feature: Device state on the WebSocket

  While a web application keeps a WebSocket open for a device, the service reads the device's
  state from nRF Cloud in the background (SPEC 3.5) and sends it as LwM2M objects (SPEC 2.11):
  once after connecting, as soon as it is known, then once per change of what the device
  reported, and nothing for a read that found the same state.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`
    And there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "$meta": { "createdAt": "${$fromMillis($millis())}", "updatedAt": "${$fromMillis($millis())}" },
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {
                    "appVersion": "2.0.0",
                    "modemFirmware": "mfw_nrf91x1_2.0.1",
                    "imei": "355025930003908",
                    "board": "thingy91x",
                    "hwVer": "nRF9151 LACA ADA"
                  },
                  "serviceInfo": { "fota_v2": ["BOOT", "MODEM", "APP"] }
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {
                      "appVersion": { "timestamp": 1716801888 },
                      "modemFirmware": { "timestamp": 1716801887 },
                      "imei": { "timestamp": 1716801880 },
                      "board": { "timestamp": 1716801880 },
                      "hwVer": { "timestamp": 1716801899 }
                    },
                    "serviceInfo": {
                      "fota_v2": [{ "timestamp": 1717409966 }, { "timestamp": 1717409966 }, { "timestamp": 1717409966 }]
                    }
                  }
                }
              },
              "version": 8835
            }
          }
        ],
        "total": 1
      }
      """

  Scenario: The device's state comes after connecting, as soon as it is known
    When I connect to the websocket using fingerprint `${fingerprint}`
    Then soon I should receive a message on the websocket that matches after 20 retries
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [
          {
            "ObjectID": 14401,
            "Resources": {
              "0": ["BOOT", "MODEM", "APP"],
              "99": 1717409966
            }
          }
        ]
      }
      """

  Scenario: The device information object holds what the device reported and the newest of its timestamps
    When I connect to the websocket using fingerprint `${fingerprint}`
    Then soon I should receive a message on the websocket that is equal to
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [
          {
            "ObjectID": 14401,
            "ObjectVersion": "1.0",
            "ObjectInstanceID": 0,
            "Resources": { "0": ["BOOT", "MODEM", "APP"], "99": 1717409966 }
          },
          {
            "ObjectID": 14204,
            "ObjectVersion": "1.0",
            "ObjectInstanceID": 0,
            "Resources": {
              "0": "355025930003908",
              "2": "mfw_nrf91x1_2.0.1",
              "3": "2.0.0",
              "4": "thingy91x",
              "99": 1716801888
            }
          }
        ],
        "desired": []
      }
      """

  Scenario: A client that connects later gets the known state at once
    Given I connect to the websocket using fingerprint `${fingerprint}`
    And soon I should receive a message on the websocket that matches
      """json
      { "@context": "https://github.com/hello-nrfcloud/proto/shadow" }
      """
    When I reconnect to the websocket using fingerprint `${fingerprint}`
    Then soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [{ "ObjectID": 14204, "Resources": { "3": "2.0.0" } }]
      }
      """

  Scenario: A changed state is sent once, and an unchanged read sends nothing
    Given I connect to the websocket using fingerprint `${fingerprint}`
    And soon I should receive a message on the websocket that matches
      """json
      { "@context": "https://github.com/hello-nrfcloud/proto/deviceIdentity" }
      """
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [{ "ObjectID": 14204, "Resources": { "3": "2.0.0" } }]
      }
      """
    # The same state is read again (twice at least) while nothing is sent for it.
    And I store the number of `GET /v1/devices` requests the nRF Cloud API has received into `reads`
    And soon the nRF Cloud API should have received at least `${reads + 2}` `GET /v1/devices` requests
    When there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {
                    "appVersion": "2.0.1",
                    "modemFirmware": "mfw_nrf91x1_2.0.1",
                    "imei": "355025930003908",
                    "board": "thingy91x"
                  },
                  "serviceInfo": { "fota_v2": ["BOOT", "MODEM", "APP"] }
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {
                      "appVersion": { "timestamp": "$number{$floor($millis()/1000)}" },
                      "modemFirmware": { "timestamp": 1716801887 },
                      "imei": { "timestamp": 1716801880 },
                      "board": { "timestamp": 1716801880 }
                    },
                    "serviceInfo": {
                      "fota_v2": [{ "timestamp": 1717409966 }, { "timestamp": 1717409966 }, { "timestamp": 1717409966 }]
                    }
                  }
                }
              },
              "version": 8835
            }
          }
        ],
        "total": 1
      }
      """
    Then soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [{ "ObjectID": 14204, "Resources": { "3": "2.0.1" } }]
      }
      """
    And I should have received no other messages on the websocket

  Scenario: A device missing from nRF Cloud's answer keeps its last state
    Given I connect to the websocket using fingerprint `${fingerprint}`
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [{ "ObjectID": 14204, "Resources": { "3": "2.0.0" } }]
      }
      """
    When there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      { "items": [], "total": 0 }
      """
    And I store the number of `GET /v1/devices` requests the nRF Cloud API has received into `reads`
    And soon the nRF Cloud API should have received at least `${reads + 2}` `GET /v1/devices` requests
    And I reconnect to the websocket using fingerprint `${fingerprint}`
    Then soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [{ "ObjectID": 14204, "Resources": { "3": "2.0.0" } }]
      }
      """
