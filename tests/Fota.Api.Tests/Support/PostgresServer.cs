using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Fota.Testing;
using Npgsql;

[assembly: AssemblyFixture(typeof(Fota.Api.Tests.Support.PostgresServerLifetime))]

namespace Fota.Api.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster for the tests: <c>initdb</c> in a temp folder, <c>pg_ctl start</c> on a free loopback port
/// (no Unix socket), removed when disposed. Needs the server binaries of Debian's <c>postgresql</c> package
/// (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, or <c>FOTA_POSTGRES_BIN</c>). <c>initdb</c> refuses to run as root, so
/// as root the cluster runs as the <c>postgres</c> user the package creates.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string Package = "postgresql";

    private static readonly Lazy<PostgresServer> SharedServer = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _binaries;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private PostgresServer(string binaries, string folder, int port, bool asPostgresUser)
    {
        _binaries = binaries;
        _folder = folder;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>Superuser connection to the <c>postgres</c> database (trust authentication on loopback).</summary>
    public string AdminConnectionString => ConnectionString("postgres") + ";Pooling=False";

    /// <summary>Whether the server binaries are on this machine.</summary>
    public static bool IsAvailable => FindBinaries() is not null;

    /// <summary>
    /// The cluster shared by this test run, started on first use. Without the server binaries the calling test is skipped,
    /// naming the package; with <c>FOTA_REQUIRE_POSTGRES=1</c> (CI) it fails instead.
    /// </summary>
    public static PostgresServer Shared
    {
        get
        {
            RequireBinaries();
            return SharedServer.Value;
        }
    }

    internal static bool SharedStarted => SharedServer.IsValueCreated;

    /// <summary>Skips (or, in CI, fails) the calling test when the server binaries are missing.</summary>
    public static void RequireBinaries()
    {
        if (IsAvailable)
        {
            return;
        }

        var message = $"PostgreSQL server binaries not found (no initdb/pg_ctl under /usr/lib/postgresql/*/bin or FOTA_POSTGRES_BIN): install Debian's '{Package}' package to run the PostgreSQL tests.";
        if (Environment.GetEnvironmentVariable("FOTA_REQUIRE_POSTGRES") == "1")
        {
            throw new InvalidOperationException(message + " FOTA_REQUIRE_POSTGRES=1 forbids skipping them.");
        }

        VisibleSkip.Because(message);
    }

    /// <summary>A new cluster of its own (for tests that restart the server).</summary>
    public static PostgresServer Start()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException($"install the '{Package}' package");
        var asPostgresUser = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), $"fota-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (asPostgresUser)
        {
            Run("chown", ["postgres:postgres", folder], asPostgresUser: false);
        }

        var port = FreePort();
        var server = new PostgresServer(binaries, folder, port, asPostgresUser);
        try
        {
            server.Pg("initdb", "-D", server.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            File.AppendAllText(Path.Combine(server.DataFolder, "postgresql.conf"), $"""

                listen_addresses = '127.0.0.1'
                port = {port}
                unix_socket_directories = ''
                max_connections = 300
                fsync = off
                synchronous_commit = off
                full_page_writes = off

                """);
            server.StartServer();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = "postgres",
        }.ConnectionString;

    /// <summary>Creates an empty database and answers its connection string.</summary>
    public string CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\";";
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public void DropDatabase(string name)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);";
        command.ExecuteNonQuery();
    }

    /// <summary>Stops the server (every connection breaks) and starts it again on the same port.</summary>
    public void Restart()
    {
        // "fast", not "immediate": with synchronous_commit off, an immediate stop would lose the last commits' WAL.
        Pg("pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "stop");
        StartServer();
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                Pg("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string DataFolder => Path.Combine(_folder, "data");

    private void StartServer() => Pg("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start");

    private void Pg(string tool, params string[] arguments) => Run(Path.Combine(_binaries, tool), arguments, _asPostgresUser);

    private static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("FOTA_POSTGRES_BIN");
        var candidates = !string.IsNullOrEmpty(configured)
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                    .Select(d => Path.Combine(d, "bin"))
                : [];
        return candidates.FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    /// <summary>
    /// A free port below the kernel's ephemeral range. PostgreSQL cannot listen on port 0, and a port in that range
    /// (where port 0 would land) can become a client connection's local port before the server binds it.
    /// </summary>
    private static int FreePort()
    {
        var ephemeralLow = EphemeralPortsStart();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = RandomNumberGenerator.GetInt32(10_000, ephemeralLow);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken; try another
            }
        }

        throw new InvalidOperationException("no free loopback port below the ephemeral range");
    }

    private static int EphemeralPortsStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(range) ? File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0] : "";
        return int.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, out var low) && low > 11_000 ? low : 32_768;
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgresUser)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within 90 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {error.GetAwaiter().GetResult()}{output.GetAwaiter().GetResult()}");
        }
    }
}

/// <summary>Stops and removes the shared cluster at the end of the test run, if a test started it.</summary>
public sealed class PostgresServerLifetime : IDisposable
{
    public void Dispose()
    {
        if (PostgresServer.SharedStarted)
        {
            PostgresServer.Shared.Dispose();
        }
    }
}
