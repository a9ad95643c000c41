using MockNrfCloud.Abstractions.Simulator;

namespace MockNrfCloud.Simulator;

/// <summary>
/// The simulated nRF Cloud of one API key: its devices and jobs, behind one lock (accounts never wait for each other).
/// Every operation takes the current time, so job status and device reports are computed, not scheduled.
/// </summary>
internal sealed class SimulatedAccount(SimulatorOptions options, SeededDraws draws)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SimulatedDevice> _devices = new(StringComparer.Ordinal);
    private readonly List<SimulatedDevice> _deviceList = [];
    private readonly Dictionary<string, SimulatedJob> _jobsById = new(StringComparer.Ordinal);
    private readonly List<SimulatedJob> _jobs = [];
    private long _requests;

    private TimeSpan Step => options.StepDelay;

    /// <summary>Whether the n-th request of this key gets a transient 503 (Mock:Simulator:TransientErrorRate).</summary>
    public bool NextRequestFailsTransiently() =>
        options.TransientErrorRate > 0 && draws.Uniform(SeededDraws.TransientError, Interlocked.Increment(ref _requests)) < options.TransientErrorRate;

    public SimulatedJob Create(FirmwareBundle bundle, IReadOnlyList<string> deviceIds, DateTimeOffset now)
    {
        lock (_lock)
        {
            var outcome = draws.JobOutcomeFor(_jobs.Count + 1, options.FailureRate);
            var job = new SimulatedJob(Guid.NewGuid().ToString(), bundle, deviceIds, now, outcome);
            _jobs.Add(job);
            _jobsById.Add(job.JobId, job);
            foreach (var id in deviceIds)
            {
                DeviceAt(id, now).Await(job);
            }

            return job;
        }
    }

    /// <summary>The job and its status now, or null when this key has no such job.</summary>
    public (SimulatedJob Job, JobStatus Status)? Find(string jobId, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _jobsById.TryGetValue(jobId, out var job) ? (job, job.StatusAt(now, Step)) : null;
        }
    }

    /// <summary>Cancels a non-final job; returns its status before the cancel (null: no such job).</summary>
    public JobStatus? Cancel(string jobId, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _jobsById.TryGetValue(jobId, out var job) ? job.Cancel(now, Step) : null;
        }
    }

    /// <summary>One page of the jobs, oldest first, each with its status now (computed for that page only).</summary>
    public Page<(SimulatedJob Job, JobStatus Status)> Jobs(DateTimeOffset now, PageRequest page)
    {
        lock (_lock)
        {
            var jobs = page.Of(_jobs);
            return new(jobs.Items.Select(job => (job, job.StatusAt(now, Step))).ToList(), jobs.Total, jobs.NextToken);
        }
    }

    /// <summary>The named devices (known from now on), or every known device when <paramref name="ids"/> is null, with the
    /// reports due by now applied. Writes them while holding the lock, so a reply never mixes two states.</summary>
    public string Devices(IReadOnlyList<string>? ids, DateTimeOffset now, PageRequest page, Func<Page<SimulatedDevice>, string> write)
    {
        lock (_lock)
        {
            var devices = ids is null ? _deviceList : ids.Distinct(StringComparer.Ordinal).Select(id => DeviceAt(id, now)).ToList();
            var selected = page.Of(devices);
            foreach (var device in selected.Items)
            {
                device.CatchUp(now, Step, options.ReportDelay);
            }

            return write(selected);
        }
    }

    public void Seed(IEnumerable<DeviceSeed> seeds, DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var seed in seeds)
            {
                var device = DeviceAt(seed.Id!, now);
                device.CatchUp(now, Step, options.ReportDelay);
                device.Apply(seed, now);
            }
        }
    }

    private SimulatedDevice DeviceAt(string id, DateTimeOffset now)
    {
        if (!_devices.TryGetValue(id, out var device))
        {
            device = new SimulatedDevice(id, now);
            _devices.Add(id, device);
            _deviceList.Add(device);
        }

        return device;
    }
}
