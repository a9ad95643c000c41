using System.Collections;
using System.Diagnostics;
using System.Net;
using Fota.Api.DeviceStates;
using Fota.Api.Storage;
using Fota.Api.Telemetry;
using Fota.Api.Tests.Support;
using Fota.Api.Tests.UpgradePaths;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MockNrfCloud;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fota.Api.Tests;

/// <summary>
/// The spans and metrics of one schedule, through OpenTelemetry's in-memory exporter (README "Telemetry"). Other tests run
/// at the same time in this process and their hosts count into the same instruments: the account-tagged metrics are
/// asserted exactly for this test's own account, the others at least. nRF Cloud is the real mock (tests/README.md), called
/// over real HTTP (so a create's System.Net.Http span is there), but for the upgrade-path test, which runs through
/// <see cref="UpgradePathHost"/> and its fake nRF Cloud.
/// </summary>
public sealed class TelemetryTests
{
    private const string JobId = "job-telemetry-1";

    [Fact]
    public async Task One_schedule_is_traced_from_the_request_to_the_notifications_it_causes_and_counted_without_the_key()
    {
        var spans = new LockedList<Activity>();
        var metrics = new LockedList<MetricSnapshot>();
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud(), settings: FotaApiFactory.PatientNrfCloud, services: services => services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddFotaInstrumentation().AddInMemoryExporter(spans))
            .WithMetrics(metering => metering.AddFotaInstrumentation().AddInMemoryExporter(metrics)));
        var account = $"telemetry-{Guid.NewGuid():N}";
        var device = await api.RegisterDeviceAsync(account: account);
        // The connection gauge is process-wide: other tests' sockets that opened before this provider started can close
        // during this test, so its sum may be 0. What this test can see is the increment its own socket records.
        using var opened = new ConnectionIncrements();
        await using var socket = await NotificationClient.ConnectAsync(api, device);
        await socket.ReceiveAsync(); // the identity
        await api.AcceptCreateAsync(JobId);
        await api.Mock.QueueAsync(api.ApiKey, $"GET /v1/fota-jobs/{JobId}", HttpStatusCode.OK, NrfCloudJson.Job(JobId, "COMPLETED", "All executions in terminal status", "2024-06-06T15:45:00.000Z", "v2.0.0"), keep: true);
        using var client = api.CreateClient();

        var scheduled = await client.ScheduleAsync(device);
        scheduled.StatusCode.Should().Be(HttpStatusCode.Accepted, await scheduled.Content.ReadAsStringAsync());
        (await socket.ReceiveJobAsync())["status"]!.GetValue<string>().Should().Be("QUEUED");
        (await socket.ReceiveJobAsync())["status"]!.GetValue<string>().Should().Be("COMPLETED");
        await Eventually.TrueAsync(
            () => spans.Snapshot().Count(s => s.DisplayName == "FOTA notify" && Tag(s, "fota.device.id") == device.DeviceId) == 2,
            "both notifications' spans ended");

        var all = spans.Snapshot();
        var request = all.Single(s => s.Kind == ActivityKind.Server && Tag(s, "http.route") == "/device/{deviceId}/fota" && Tag(s, "url.path")!.Contains(device.DeviceId, StringComparison.Ordinal));
        var schedule = all.Single(s => s.DisplayName == "FOTA schedule" && s.ParentSpanId == request.SpanId);
        Tag(schedule, "fota.device.id").Should().Be(device.DeviceId);
        Tag(schedule, "fota.job.id").Should().Be(JobId);
        Tag(schedule, "fota.bundle.type").Should().Be("APP");
        Tag(schedule, "fota.outcome").Should().Be("scheduled");
        var create = all.Single(s => s.DisplayName == "nRF Cloud POST /v1/fota-jobs" && s.ParentSpanId == schedule.SpanId);
        create.Kind.Should().Be(ActivityKind.Client);
        Tag(create, "nrfcloud.account").Should().Be(account);
        Tag(create, "nrfcloud.call").Should().Be("POST /v1/fota-jobs");
        create.GetTagItem("http.response.status_code").Should().Be(200);
        Tag(create, "fota.outcome").Should().Be("ok");
        all.Should().Contain(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == create.SpanId, "the HTTP call itself is the create's child");
        var stores = all.Where(s => s.ParentSpanId == schedule.SpanId && Tag(s, "db.system.name") != null).Select(s => s.DisplayName).ToList();
        stores.Should().Contain(["JobStore.TryBeginSchedule", "JobStore.ConfirmScheduled"]);
        Tag(all.First(s => s.DisplayName == "JobStore.ConfirmScheduled" && s.ParentSpanId == schedule.SpanId), "db.operation.name").Should().Be("ConfirmScheduled");

        var poll = all.Single(s => s.DisplayName == "FOTA poll" && Tag(s, "fota.job.id") == JobId);
        Tag(poll, "fota.outcome").Should().Be("final");
        Tag(poll, "fota.job.status").Should().Be("COMPLETED");
        Tag(poll, "nrfcloud.account").Should().Be(account);
        all.Should().Contain(s => s.DisplayName == "nRF Cloud GET /v1/fota-jobs/{id}" && s.ParentSpanId == poll.SpanId);

        var notifications = all.Where(s => s.DisplayName == "FOTA notify" && Tag(s, "fota.device.id") == device.DeviceId).ToList();
        notifications.Should().OnlyContain(n => n.ParentSpanId == default && n.Links.Count() == 1, "a notification is a root span linked to its cause");
        notifications.Should().ContainSingle(n => n.Links.Single().Context.TraceId == request.TraceId, "the QUEUED notification links to the schedule request's trace");
        notifications.Should().ContainSingle(n => n.Links.Single().Context.SpanId == poll.SpanId, "the COMPLETED notification links to the poll that saw it");

        foreach (var span in all)
        {
            span.TagObjects.Should().NotContain(tag => tag.Key.Contains("authorization", StringComparison.OrdinalIgnoreCase), span.DisplayName);
            span.TagObjects.Should().NotContain(tag => (tag.Value + "").Contains(api.ApiKey, StringComparison.Ordinal), $"{span.DisplayName} must not carry the API key");
        }

        api.Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
        var measured = metrics.Snapshot();
        Sum(measured, "fota.jobs.scheduled", ("nrfcloud.account", account), ("fota.bundle.type", "APP")).Should().Be(1);
        Sum(measured, "fota.nrfcloud.calls", ("nrfcloud.account", account), ("nrfcloud.call", "POST /v1/fota-jobs"), ("http.response.status_code", 200), ("fota.outcome", "ok")).Should().Be(1);
        Sum(measured, "fota.nrfcloud.calls", ("nrfcloud.account", account), ("nrfcloud.call", "GET /v1/fota-jobs/{id}"), ("http.response.status_code", 200), ("fota.outcome", "ok")).Should().Be(1);
        Sum(measured, "fota.nrfcloud.calls", ("nrfcloud.account", account), ("nrfcloud.call", "POST /v1/fota-jobs")).Should().Be(1, "one create, whatever its outcome");
        Sum(measured, "fota.nrfcloud.calls", ("nrfcloud.account", account), ("nrfcloud.call", "GET /v1/fota-jobs/{id}")).Should().Be(1, "one poll, whatever its outcome");
        HistogramCount(measured, "fota.poll.duration", ("nrfcloud.account", account), ("fota.outcome", "final")).Should().Be(1);
        Sum(measured, "fota.jobs.final", ("fota.job.status", "COMPLETED")).Should().BePositive();
        opened.Count.Should().BePositive("the test's socket was counted when it opened");
        HistogramCount(measured, "fota.outbox.lag").Should().BeGreaterThanOrEqualTo(2, "two change events were handed out");
        measured.SelectMany(m => m.MetricPoints).SelectMany(Tags).Should().NotContain(tag => (tag.Value + "").Contains(api.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_upgrade_path_step_run_is_a_span_and_a_count_by_step_and_outcome()
    {
        var spans = new LockedList<Activity>();
        var metrics = new LockedList<MetricSnapshot>();
        await using var host = new UpgradePathHost(new FakeDeviceStates(), services: services => services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddFotaInstrumentation().AddInMemoryExporter(spans))
            .WithMetrics(metering => metering.AddFotaInstrumentation().AddInMemoryExporter(metrics)));
        var jobs = new NrfCloudJobs(host.NrfCloud);
        var device = await host.RegisterDeviceAsync();

        var jobId = await host.ScheduleOkAsync(device, """{"2.0.0":"APP*1e29dfa3*v2.0.1"}""");
        await host.JobWhenAsync(jobId, j => j.Step == UpgradePathSteps.WaitForCloud, "step 3");
        var ended = await host.ScheduleOkAsync(await host.RegisterDeviceAsync(), """{"<2.0.0":"APP*00000000*v1"}""");
        await host.JobWhenAsync(ended, j => j.IsFinal, "the job without a matching entry to end");
        await Eventually.TrueAsync(
            () => spans.Snapshot().Count(s => s.DisplayName == "FOTA upgrade-path step" && Tag(s, "fota.upgrade_path.step") is "NEXT" or "START"
                && Tag(s, "fota.upgrade_path.job.id") is { } id && (id == jobId || id == ended)) == 3,
            "the three step spans ended (steps 1 and 2 of the first job, step 1 of the second)");

        var steps = spans.Snapshot().Where(s => s.DisplayName == "FOTA upgrade-path step").ToList();
        var ofJob = steps.Where(s => Tag(s, "fota.upgrade_path.job.id") == jobId && Tag(s, "fota.upgrade_path.step") != "WAIT_CLOUD").OrderBy(s => s.StartTimeUtc).ToList();
        ofJob.Select(s => $"{Tag(s, "fota.upgrade_path.step")} {Tag(s, "fota.outcome")}").Should().Equal("NEXT advanced", "START advanced");
        ofJob.Should().OnlyContain(s => s.Kind == ActivityKind.Internal && Tag(s, "fota.device.id") == device.DeviceId);
        spans.Snapshot().Should().Contain(s => s.DisplayName == "nRF Cloud POST /v1/fota-jobs" && s.TraceId == ofJob[1].TraceId, "step 2's create is in its trace");
        var final = steps.Single(s => Tag(s, "fota.upgrade_path.job.id") == ended);
        Tag(final, "fota.outcome").Should().Be("final");
        Tag(final, "fota.job.status").Should().Be("SUCCEEDED");

        host.Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
        var measured = metrics.Snapshot();
        Sum(measured, "fota.upgrade_path.steps", ("fota.upgrade_path.step", "NEXT"), ("fota.outcome", "advanced")).Should().BePositive();
        Sum(measured, "fota.upgrade_path.steps", ("fota.upgrade_path.step", "START"), ("fota.outcome", "advanced")).Should().BePositive();
        Sum(measured, "fota.upgrade_path.steps", ("fota.upgrade_path.step", "NEXT"), ("fota.outcome", "final")).Should().BePositive();
        Sum(measured, "fota.upgrade_path.jobs.final", ("fota.job.status", "SUCCEEDED")).Should().BePositive();
        jobs.Created.Should().ContainSingle();
    }

    [Fact]
    public async Task A_background_state_read_is_a_root_span_and_a_duration_by_account_and_outcome()
    {
        var spans = new LockedList<Activity>();
        var metrics = new LockedList<MetricSnapshot>();
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 6, 6, 12, 0, 0, TimeSpan.Zero));
        using var api = new FotaApiFactory(
            time: time,
            mock: new InProcessMockNrfCloud(),
            settings: new Dictionary<string, string?>(FotaApiFactory.PatientNrfCloud) { ["Fota:DeviceState:Enabled"] = "false", ["Fota:Poller:Enabled"] = "false" },
            services: services => services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddFotaInstrumentation().AddInMemoryExporter(spans))
                .WithMetrics(metering => metering.AddFotaInstrumentation().AddInMemoryExporter(metrics)));
        var account = $"state-read-{Guid.NewGuid():N}";
        var device = await api.RegisterDeviceAsync(account: account);
        await api.Services.GetRequiredService<IDeviceStates>().WatchAsync(device.DeviceId, "telemetry-test", time.GetUtcNow().AddHours(1), CancellationToken.None);
        await api.Mock.QueueAsync(api.ApiKey, DeviceShadows.Route, HttpStatusCode.OK, DeviceShadows.Answer(DeviceShadows.Item(device.DeviceId)), keep: true);
        var reader = api.Services.GetRequiredService<DeviceStateReader>();

        (await reader.StartRoundAsync(CancellationToken.None)).Should().Be(1);
        await reader.WhenIdleAsync();
        await Eventually.TrueAsync(() => spans.Snapshot().Any(s => s.DisplayName == "FOTA state read" && Tag(s, "nrfcloud.account") == account), "the read's span ended");

        var read = spans.Snapshot().Single(s => s.DisplayName == "FOTA state read" && Tag(s, "nrfcloud.account") == account);
        read.ParentSpanId.Should().Be(default(ActivitySpanId), "a background read is a root span");
        read.GetTagItem("fota.devices.count").Should().Be(1);
        Tag(read, "fota.outcome").Should().Be("ok");
        spans.Snapshot().Should().Contain(s => s.DisplayName == "nRF Cloud GET /v1/devices" && s.ParentSpanId == read.SpanId);
        api.Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
        HistogramCount(metrics.Snapshot(), "fota.state_read.duration", ("nrfcloud.account", account), ("fota.outcome", "ok")).Should().Be(1);
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static IEnumerable<MetricPoint> Points(IReadOnlyList<MetricSnapshot> metrics, string name, (string Key, object Value)[] tags) =>
        metrics.Where(m => m.Name == name)
            .TakeLast(1) // cumulative: the last export holds the totals
            .SelectMany(m => m.MetricPoints)
            .Where(point => tags.All(wanted => Tags(point).Any(tag => tag.Key == wanted.Key && Equals(tag.Value, wanted.Value))));

    private static long Sum(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(point => point.GetSumLong());

    private static long HistogramCount(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(point => point.GetHistogramCount());

    /// <summary>What the exporters write into from their threads while the test reads.</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public List<T> Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item) => Snapshot().Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Counts the positive measurements of <c>fota.websocket.connections</c> (a connection opening) while alive.</summary>
internal sealed class ConnectionIncrements : IDisposable
{
    private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
    private long _count;

    public ConnectionIncrements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FotaTelemetry.Name && instrument.Name == "fota.websocket.connections")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (value > 0)
            {
                Interlocked.Add(ref _count, value);
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
