@simulator @upgrade-path
Feature: An upgrade path against the nRF Cloud simulator

  The mock nRF Cloud in simulator mode (SPEC 4.1) plays nRF Cloud on its own: jobs go QUEUED →
  IN_PROGRESS → COMPLETED, and a while after a job completed the device reports the bundle's
  version. Nothing is queued here: the job is scheduled and reaches SUCCEEDED by itself, through
  one nRF Cloud job per step, with the device's new version on the WebSocket.
  In-process the suite starts a second mock in simulator mode (steps of 100 ms); deployed, it needs
  NRFCLOUD_SIMULATOR_URL (scripts/run-deployed.sh starts one and sets it).

  Scenario: A two-step upgrade path runs to SUCCEEDED with no queued response
    Given I have the fingerprint for a `PCA20065` device in `fingerprint` in an account on the nRF Cloud simulator
    And I connect to the websocket using fingerprint `${fingerprint}`
    When I `POST` `${APIURL}/v2/device/${fingerprint_deviceId}/fota/app?fingerprint=${fingerprint}` with
      """json
      {"upgradePath": {"2.0.0": "APP*1e29dfa3*v2.0.1", "2.0.1": "APP*cd5412d9*v2.0.2"}}
      """
    Then the status code of the last response should be `201`
    And the last response should match
      """json
      {"deviceId": "${fingerprint_deviceId}", "status": "NEW", "reportedVersion": "2.0.0"}
      """
    When I `GET` `${APIURL}/v2/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}` retrying 40 times
    Then soon `$.jobs[0]` of the last response should match
      """json
      {
        "status": "SUCCEEDED",
        "statusDetail": "No more bundles to apply for 2.0.2. Job completed.",
        "reportedVersion": "2.0.2"
      }
      """
    And soon I should receive a message on the websocket that matches
      """json
      {
        "@context": "https://github.com/hello-nrfcloud/proto/shadow",
        "reported": [{"ObjectID": 14204, "Resources": {"3": "2.0.2"}}]
      }
      """
    When I `GET` `${APIURL}/device/${fingerprint_deviceId}/fota/jobs?fingerprint=${fingerprint}`
    Then the last response should match
      """json
      {
        "jobs": [
          {"status": "COMPLETED", "version": "v2.0.2"},
          {"status": "COMPLETED", "version": "v2.0.1"}
        ]
      }
      """
