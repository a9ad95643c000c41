using System.Collections.Concurrent;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Parsing;
using MockNrfCloud.Abstractions.Simulator;

namespace MockNrfCloud.Simulator;

/// <summary>
/// The stateful nRF Cloud of simulator mode (SPEC 4.1): routes the calls the service makes (SPEC 3.1, 3.5) to the caller's
/// <see cref="SimulatedAccount"/> (one per bearer API key, isolated like the queues) and answers in nRF Cloud's shapes.
/// </summary>
internal sealed class NrfCloudSimulator
{
    private const string JobsPath = "/v1/fota-jobs";
    private readonly ConcurrentDictionary<string, SimulatedAccount> _accounts = new(StringComparer.Ordinal);
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly SeededDraws _draws;
    private readonly FirmwareCatalogue _catalogue;

    /// <exception cref="InvalidOperationException">An option is out of range, or the catalogue or devices file is unusable.</exception>
    public NrfCloudSimulator(SimulatorOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
        _draws = new SeededDraws(options.Seed);
        _catalogue = options.Catalogue is { Length: > 0 } path ? FirmwareCatalogue.Load(path) : FirmwareCatalogue.Default;
        if (options.Devices is { Length: > 0 } devices)
        {
            foreach (var command in DeviceSeedFile.Load(devices))
            {
                try
                {
                    Seed(command.ApiKey, command.Devices);
                }
                catch (MockNrfCloudInputException e)
                {
                    throw new InvalidOperationException($"Mock:Simulator:Devices '{devices}': {e.Problem}", e);
                }
            }
        }
    }

    /// <summary>Mock:Simulator:Latency, added before every simulated answer.</summary>
    public TimeSpan Latency => _options.Latency;

    /// <exception cref="MockNrfCloudInputException">No API key, no devices, or a device without id.</exception>
    public void Seed(string? apiKey, IReadOnlyList<DeviceSeed>? devices)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new MockNrfCloudInputException("apiKey", $"apiKey is required (use '{ApiKeyPartition.Anonymous}' for requests without a bearer key)");
        }

        if (devices is null || devices.Count == 0)
        {
            throw new MockNrfCloudInputException("devices", "devices is required: one or more {\"id\", \"appVersion\"?, \"modemFirmware\"?, \"fotaV2\"?, \"imei\"?, \"board\"?, \"hwVer\"?}");
        }

        for (var i = 0; i < devices.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(devices[i]?.Id))
            {
                throw new MockNrfCloudInputException("devices", $"devices[{i}] has no id");
            }
        }

        Account(apiKey).Seed(devices, _time.GetUtcNow());
    }

    /// <summary>The simulated answer to an nRF Cloud request of <paramref name="apiKey"/>.</summary>
    public SimulatedAnswer Answer(string apiKey, RecordedRequest request)
    {
        var account = Account(apiKey);
        if (account.NextRequestFailsTransiently())
        {
            return SimulatedAnswer.Error(503, 50300, "Service temporarily unavailable (simulated transient error)");
        }

        var now = _time.GetUtcNow();
        var method = request.Method.ToUpperInvariant();
        var path = request.Path.TrimEnd('/');
        var query = QueryParameters.Parse(request.Query);
        return (method, path) switch
        {
            ("POST", JobsPath) => CreateJob(account, request.Body, now),
            ("GET", JobsPath) => ListJobs(account, query, now),
            ("GET", "/v1/firmwares") => Listed(query, page => SimulatorJson.Page(page.Of(_catalogue.Bundles), SimulatorJson.Bundle)),
            ("GET", "/v1/devices") => ListDevices(account, query, now),
            ("GET", _) when JobIdIn(path, string.Empty) is { } jobId => GetJob(account, jobId, now),
            ("PUT", _) when JobIdIn(path, "/cancel") is { } jobId => CancelJob(account, jobId, now),
            _ => SimulatedAnswer.Error(404, 40400, $"The simulator does not serve {method} {request.Path}, and nothing is queued for it."),
        };
    }

    private SimulatedAccount Account(string apiKey) => _accounts.GetOrAdd(apiKey, _ => new SimulatedAccount(_options, _draws));

    private SimulatedAnswer CreateJob(SimulatedAccount account, string body, DateTimeOffset now)
    {
        if (!CreateJobRequest.TryParse(body, out var create, out var problem))
        {
            return SimulatedAnswer.Error(400, 40000, problem);
        }

        if (_catalogue.Find(create.BundleId) is not { } bundle)
        {
            return SimulatedAnswer.Error(404, 40410, $"Firmware bundle {create.BundleId} not found.");
        }

        var job = account.Create(bundle, create.DeviceIds, now);
        return SimulatedAnswer.Ok(SimulatorJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("jobId", job.JobId);
            w.WriteEndObject();
        }));
    }

    private static SimulatedAnswer GetJob(SimulatedAccount account, string jobId, DateTimeOffset now) =>
        account.Find(jobId, now) is { } found
            ? SimulatedAnswer.Ok(SimulatorJson.Write(w => SimulatorJson.Job(w, found.Job, found.Status)))
            : JobNotFound(jobId);

    private static SimulatedAnswer CancelJob(SimulatedAccount account, string jobId, DateTimeOffset now) =>
        account.Cancel(jobId, now) switch
        {
            null => JobNotFound(jobId),
            { IsFinal: true } before => SimulatedAnswer.Error(400, 40010, $"FOTA job {jobId} is {before.Status} and can no longer be cancelled."),
            _ => new SimulatedAnswer(202, string.Empty),
        };

    private static SimulatedAnswer ListJobs(SimulatedAccount account, IReadOnlyList<KeyValuePair<string, string>> query, DateTimeOffset now) =>
        Listed(query, page => SimulatorJson.Page(account.Jobs(now, page), (w, job) => SimulatorJson.Job(w, job.Job, job.Status)));

    private static SimulatedAnswer ListDevices(SimulatedAccount account, IReadOnlyList<KeyValuePair<string, string>> query, DateTimeOffset now)
    {
        var includeState = IsTrue(PageRequest.Value(query, "includeState"));
        var includeStateMeta = IsTrue(PageRequest.Value(query, "includeStateMeta"));
        var ids = PageRequest.Value(query, "deviceIds")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Listed(query, page => account.Devices(ids, now, page, devices =>
            SimulatorJson.Page(devices, (w, device) => SimulatorJson.Device(w, device, includeState, includeStateMeta))));
    }

    private static SimulatedAnswer Listed(IReadOnlyList<KeyValuePair<string, string>> query, Func<PageRequest, string> write)
    {
        var (page, error) = PageRequest.From(query);
        return error ?? SimulatedAnswer.Ok(write(page));
    }

    private static SimulatedAnswer JobNotFound(string jobId) => SimulatedAnswer.Error(404, 40410, $"FOTA job {jobId} not found.");

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The {id} of "/v1/fota-jobs/{id}{suffix}", or null when the path has another shape.</summary>
    private static string? JobIdIn(string path, string suffix)
    {
        if (!path.StartsWith(JobsPath + "/", StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = path[(JobsPath.Length + 1)..^suffix.Length];
        return id.Length > 0 && !id.Contains('/', StringComparison.Ordinal) ? id : null;
    }
}
