using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.E2E;

/// <summary>
/// The portal on a real Kestrel port with a temporary data folder, or an already running portal
/// when <c>BASE_URL</c> is set (to point the same tests at a deployment).
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "glance-e2e", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Uri? _baseAddress;

    /// <param name="port">0 for any free port.</param>
    /// <param name="settings">Configuration on top of Development's.</param>
    public PortalServer(int port = 0, IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(port);
    }

    public Uri BaseAddress => _baseAddress ??= Environment.GetEnvironmentVariable("BASE_URL") is { Length: > 0 } url
        ? new Uri(url)
        : Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Glance:DataDirectory", _dataDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
