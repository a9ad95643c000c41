@upgrade-path @upgrade-path-eligibility
Feature: Upgrade paths: which devices are eligible

  > Before an upgrade-path job is created, the service reads the device's state from
  > nRF Cloud (one call for this device) and refuses a device that cannot run it:
  > unknown to nRF Cloud, no FOTA support reported, no firmware version reported,
  > the URL's target not supported, or the target's version not reported (400).
  > When nRF Cloud cannot be read, the answer is 500 naming nRF Cloud.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Scenario: The device's state is read from nRF Cloud for that one device
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {"items": [], "total": 0}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `400`
    And the nRF Cloud API should have been called with
      """
      GET /v1/devices?includeState=true&includeStateMeta=true&pageLimit=100&deviceIds=${fingerprint_deviceId} HTTP/1.1
      Authorization: Bearer ${nrfCloudApiKey}
      Accept: application/json; charset=utf-8

      """

  Scenario: A device nRF Cloud does not know is not eligible
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {"items": [], "total": 0}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `400`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Device is not eligible for FOTA",
        "status": 400,
        "detail": "Unknown device state!"
      }
      """
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

  Scenario: A device that reports no FOTA support is not eligible
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `400`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Device is not eligible for FOTA",
        "status": 400,
        "detail": "This device does not support FOTA!"
      }
      """
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

  Scenario: A device that reports an empty list of FOTA types is not eligible
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": []}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": []}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `400`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Device is not eligible for FOTA",
        "status": 400,
        "detail": "This device does not support FOTA!"
      }
      """
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

  Scenario: A device that reports no firmware version is not eligible
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": ["BOOT", "MODEM", "APP"]}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}, {"timestamp": 1717409966}, {"timestamp": 1717409966}]}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `400`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Device is not eligible for FOTA",
        "status": 400,
        "detail": "This device has not reported any firmware versions!"
      }
      """
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

  Scenario: A device that does not support FOTA of its application is refused an app upgrade path
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": ["BOOT", "MODEM"]}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}, {"timestamp": 1717409966}]}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `400`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Invalid upgrade path defined",
        "status": 400,
        "detail": "The device does not support FOTA for target app!"
      }
      """
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

  Scenario: A device that does not support FOTA of its modem is refused a modem upgrade path
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": ["BOOT", "APP"]}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}, {"timestamp": 1717409966}]}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/modem?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.1": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2"}}
      """
    Then the status code of the last response should be `400`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Invalid upgrade path defined",
        "status": 400,
        "detail": "The device does not support FOTA for target modem!"
      }
      """
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

  Scenario: A device that reports no application version is refused an app upgrade path
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": ["BOOT", "MODEM", "APP"]}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}, {"timestamp": 1717409966}, {"timestamp": 1717409966}]}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `400`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Invalid upgrade path defined",
        "status": 400,
        "detail": "The device has not reported an application firmware version!"
      }
      """
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

  Scenario: A device that reports no modem firmware version is refused a modem upgrade path
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": ["BOOT", "MODEM", "APP"]}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}, {"timestamp": 1717409966}, {"timestamp": 1717409966}]}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/modem?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.1": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2"}}
      """
    Then the status code of the last response should be `400`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Invalid upgrade path defined",
        "status": 400,
        "detail": "The device has not reported a modem firmware version!"
      }
      """
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

  Scenario: A device that reports MDM_FULL supports the modem target
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": ["MDM_FULL"]}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}]}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/modem?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.1": "MDM_FULL*bdd24c81*mfw_nrf91x1_full_2.0.2"}}
      """
    Then the status code of the last response should be `201`

  Scenario: The state is read again at every schedule
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": []}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": []}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `400`
    Given there is this device shadow data for `${fingerprint_deviceId}` in nRF Cloud
      """json
      {
        "items": [
          {
            "id": "${fingerprint_deviceId}",
            "state": {
              "reported": {
                "device": {
                  "deviceInfo": {"appVersion": "2.0.0", "modemFirmware": "mfw_nrf91x1_2.0.1", "imei": "355025930003908", "board": "thingy91x"},
                  "serviceInfo": {"fota_v2": ["BOOT", "MODEM", "APP"]}
                }
              },
              "metadata": {
                "reported": {
                  "device": {
                    "deviceInfo": {"appVersion": {"timestamp": 1716801888}, "modemFirmware": {"timestamp": 1716801888}, "imei": {"timestamp": 1716801888}, "board": {"timestamp": 1716801888}},
                    "serviceInfo": {"fota_v2": [{"timestamp": 1717409966}, {"timestamp": 1717409966}, {"timestamp": 1717409966}]}
                  }
                }
              },
              "version": 1
            }
          }
        ],
        "total": 1
      }
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `201`

  Scenario: nRF Cloud failing to answer the state read is a 500 naming nRF Cloud, and nothing is created
    Given this nRF Cloud API is queued for every `GET /v1/devices` request
      """
      HTTP/1.1 503 Service Unavailable
      Content-Type: application/json

      {"message": "upstream secret"}
      """
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
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
    And the last response should not contain `upstream secret`
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then `$.jobs` of the last response should match
      """json
      []
      """
