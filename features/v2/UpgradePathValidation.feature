@upgrade-path @upgrade-path-validation
Feature: Upgrade paths: what a request must be

  > Every `/v2` device endpoint checks in the order 400 (validation) → 404 (unknown
  > device) → 403 (the fingerprint is not the device's), as the seed's endpoints do.
  > An upgrade path maps 1 to 20 versions or ranges (`2.0.0`, `<2.0.0`, `<=2.0.0`,
  > `>2.0.0`, `>=2.0.0`) to bundle ids of the URL's target (`APP` for `app`;
  > `MODEM` or `MDM_FULL` for `modem`); anything else is a 400 naming `upgradePath`,
  > before nRF Cloud is asked anything.

  Background:
    Given I have the fingerprint for a `PCA20065` device in `fingerprint`

  Scenario Outline: An upgrade path <what> is refused
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/<target>?fingerprint=${fingerprint}` with
      """json
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
    And `$.detail` of the last response should contain `upgradePath`
    And the nRF Cloud API should have received exactly `0` `GET /v1/devices` requests
    And the nRF Cloud API should have received exactly `0` `POST /v1/fota-jobs` requests

    Examples:
      | what                                             | target | body |
      | that is missing                                  | app    | {} |
      | that is no object                                | app    | {"upgradePath": ["APP*1e29dfa3*v2.0.1"]} |
      | that is null                                     | app    | {"upgradePath": null} |
      | without entries                                  | app    | {"upgradePath": {}} |
      | with 21 entries                                  | app    | {"upgradePath": {"1.0.0": "APP*1e29dfa3*v2.0.1", "1.0.1": "APP*1e29dfa3*v2.0.1", "1.0.2": "APP*1e29dfa3*v2.0.1", "1.0.3": "APP*1e29dfa3*v2.0.1", "1.0.4": "APP*1e29dfa3*v2.0.1", "1.0.5": "APP*1e29dfa3*v2.0.1", "1.0.6": "APP*1e29dfa3*v2.0.1", "1.0.7": "APP*1e29dfa3*v2.0.1", "1.0.8": "APP*1e29dfa3*v2.0.1", "1.0.9": "APP*1e29dfa3*v2.0.1", "1.0.10": "APP*1e29dfa3*v2.0.1", "1.0.11": "APP*1e29dfa3*v2.0.1", "1.0.12": "APP*1e29dfa3*v2.0.1", "1.0.13": "APP*1e29dfa3*v2.0.1", "1.0.14": "APP*1e29dfa3*v2.0.1", "1.0.15": "APP*1e29dfa3*v2.0.1", "1.0.16": "APP*1e29dfa3*v2.0.1", "1.0.17": "APP*1e29dfa3*v2.0.1", "1.0.18": "APP*1e29dfa3*v2.0.1", "1.0.19": "APP*1e29dfa3*v2.0.1", "1.0.20": "APP*1e29dfa3*v2.0.1"}} |
      | with the key 2.0                                 | app    | {"upgradePath": {"2.0": "APP*1e29dfa3*v2.0.1"}} |
      | with the key v2.0.0                              | app    | {"upgradePath": {"v2.0.0": "APP*1e29dfa3*v2.0.1"}} |
      | with the key ~2.0.0                              | app    | {"upgradePath": {"~2.0.0": "APP*1e29dfa3*v2.0.1"}} |
      | with the key =2.0.0                              | app    | {"upgradePath": {"=2.0.0": "APP*1e29dfa3*v2.0.1"}} |
      | with the key >= 2.0.0                            | app    | {"upgradePath": {">= 2.0.0": "APP*1e29dfa3*v2.0.1"}} |
      | with the key 2.0.0-rc.1                          | app    | {"upgradePath": {"2.0.0-rc.1": "APP*1e29dfa3*v2.0.1"}} |
      | with the key 2.0.x                               | app    | {"upgradePath": {"2.0.x": "APP*1e29dfa3*v2.0.1"}} |
      | with a bad key after a good one                  | app    | {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1 ": "APP*cd5412d9*v2.0.2"}} |
      | with the bundle id APP*1e29dfa*v2.0.1            | app    | {"upgradePath": {"2.0.0": "APP*1e29dfa*v2.0.1"}} |
      | with the bundle id FOO*1e29dfa3*v2.0.1           | app    | {"upgradePath": {"2.0.0": "FOO*1e29dfa3*v2.0.1"}} |
      | with a bundle id that is a number                | app    | {"upgradePath": {"2.0.0": 42}} |
      | with a MODEM bundle for the app                  | app    | {"upgradePath": {"2.0.1": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2"}} |
      | with an MDM_FULL bundle for the app              | app    | {"upgradePath": {"2.0.1": "MDM_FULL*bdd24c81*mfw_nrf91x1_full_2.0.2"}} |
      | with a BOOT bundle for the app                   | app    | {"upgradePath": {"2.0.0": "BOOT*1e29dfa3*v1.0.0"}} |
      | with an APP bundle for the modem                 | modem  | {"upgradePath": {"2.0.1": "APP*1e29dfa3*v2.0.1"}} |
      | with a BOOT bundle for the modem                 | modem  | {"upgradePath": {"2.0.1": "BOOT*1e29dfa3*v1.0.0"}} |
      | with a MODEM bundle after an APP one for the app | app    | {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2"}} |

  Scenario: An invalid upgrade path wins over an unknown device
    When I `POST` `${APIURL}/device/oob-000000000000000/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {}}
      """
    Then the status code of the last response should be `400`
    And `$.detail` of the last response should contain `upgradePath`

  Scenario: An invalid upgrade path wins over another device's fingerprint
    Given I have the fingerprint for a `PCA20065` device in `other`
    When I `POST` `${APIURL}/device/${other_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "MODEM*ad48df2a*mfw_nrf91x1_2.0.2"}}
      """
    Then the status code of the last response should be `400`
    And `$.detail` of the last response should contain `upgradePath`

  Scenario Outline: `<method>` `<path>` refuses an invalid fingerprint
    When I `<method>` `${APIURL}/device/${fingerprint_deviceId}<path>?fingerprint=nope`
    Then the status code of the last response should be `400`
    And `$.detail` of the last response should contain `fingerprint`

    Examples:
      | method | path                                     |
      | GET    | /fota/jobs                               |
      | GET    | /fota/bundles                            |
      | DELETE | /fota/job/01J861VKYH5QVD6QQ5YXXF20EF     |

  Scenario Outline: `<method>` `<path>` does not find an unknown device
    When I `<method>` `${APIURL}/device/oob-000000000000000<path>?fingerprint=${fingerprint}`
    Then the status code of the last response should be `404`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "No device found with ID!",
        "status": 404
      }
      """

    Examples:
      | method | path                                     |
      | GET    | /fota/jobs                               |
      | GET    | /fota/bundles                            |
      | DELETE | /fota/job/01J861VKYH5QVD6QQ5YXXF20EF     |

  Scenario Outline: `<method>` `<path>` refuses another device's fingerprint
    Given I have the fingerprint for a `PCA20065` device in `other`
    When I `<method>` `${APIURL}/device/${other_deviceId}<path>?fingerprint=${fingerprint}`
    Then the status code of the last response should be `403`
    And the last response should match
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/ProblemDetail",
        "title": "Fingerprint does not match!",
        "status": 403
      }
      """

    Examples:
      | method | path                                     |
      | GET    | /fota/jobs                               |
      | GET    | /fota/bundles                            |
      | DELETE | /fota/job/01J861VKYH5QVD6QQ5YXXF20EF     |

  Scenario: Scheduling refuses an invalid fingerprint
    When I `POST` `${APIURL}/device/${fingerprint_deviceId}/fota/app?fingerprint=nope` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `400`
    And `$.detail` of the last response should contain `fingerprint`
    And `$.detail` of the last response should not contain `upgradePath`

  Scenario: Scheduling for an unknown device is not found
    When I `POST` `${APIURL}/device/oob-000000000000000/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `404`
    And `$.title` of the last response should contain `No device found with ID!`
    And the nRF Cloud API should have received exactly `0` `GET /v1/devices` requests

  Scenario: Scheduling with another device's fingerprint is refused
    Given I have the fingerprint for a `PCA20065` device in `other`
    When I `POST` `${APIURL}/device/${other_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1"}}
      """
    Then the status code of the last response should be `403`
    And `$.title` of the last response should contain `Fingerprint does not match!`
    And the nRF Cloud API should have received exactly `0` `GET /v1/devices` requests
