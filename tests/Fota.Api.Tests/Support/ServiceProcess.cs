using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fota.Api.Devices;

namespace Fota.Api.Tests.Support;

/// <summary>
/// The service as a real process (<c>dotnet Fota.Api.dll</c> from this test's output folder) on a free loopback port, for
/// tests that need several instances or kill one. Its console output is kept; disposing stops it (SIGTERM, then kill).
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Uri? _url;

    private ServiceProcess(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Fota.Api.dll"), "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Receive(e.Data);
        _process.ErrorDataReceived += (_, e) => Receive(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public Uri Url => _url ?? throw new InvalidOperationException("not listening yet");

    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts an instance and waits until it listens and <c>/health/ready</c> answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var service = new ServiceProcess(environment);
        try
        {
            await service._listening.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            using var http = new HttpClient { BaseAddress = service.Url };
            await Eventually.ReturnsAsync(
                async () => (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).IsSuccessStatusCode,
                ready => ready,
                "the service to be ready");
            return service;
        }
        catch (Exception exception) when (exception is TimeoutException or HttpRequestException)
        {
            await service.DisposeAsync();
            throw new InvalidOperationException($"The service did not start:\n{string.Join('\n', service.Output)}", exception);
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = Url };

    /// <summary>The teardown of a process test: every instance stopped, then the nRF Cloud stand-in, then the database dropped.</summary>
    public static async ValueTask StopAllAsync(IEnumerable<ServiceProcess?> instances, IAsyncDisposable? nrfCloud, IDisposable? database)
    {
        foreach (var instance in instances)
        {
            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
        }

        if (nrfCloud is not null)
        {
            await nrfCloud.DisposeAsync();
        }

        database?.Dispose();
    }

    /// <summary>
    /// Through this instance's admin API (<paramref name="adminToken"/> is its <c>Admin:Token</c>): the account
    /// <paramref name="account"/> pointed at <paramref name="apiEndpoint"/> with <paramref name="apiKey"/>, and
    /// <paramref name="devices"/> new devices of it.
    /// </summary>
    public async Task<IReadOnlyList<DeviceResponse>> AddDevicesAsync(
        string adminToken, Uri apiEndpoint, string apiKey, int devices = 1, string account = "nordic")
    {
        using var admin = CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var endpoint = apiEndpoint.ToString().TrimEnd('/');
        (await admin.PutAsJsonAsync($"/admin/accounts/{account}", new { apiEndpoint = endpoint, apiKey }, TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();
        var added = new List<DeviceResponse>();
        for (var i = 0; i < devices; i++)
        {
            using var created = await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account }, TestContext.Current.CancellationToken);
            created.EnsureSuccessStatusCode();
            added.Add((await created.Content.ReadFromJsonAsync<DeviceResponse>(TestContext.Current.CancellationToken))!);
        }

        return added;
    }

    /// <summary>SIGTERM, as a deploy sends it; <see cref="WaitForExitAsync"/> waits for the stop.</summary>
    public void Terminate()
    {
        using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        term.WaitForExit();
    }

    /// <summary>kill -9: no shutdown, no claims released.</summary>
    public void KillHard() => _process.Kill();

    public Task WaitForExitAsync() => _process.WaitForExitAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Terminate();

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _url ??= new Uri(match.Groups[1].Value);
            _listening.TrySetResult();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
