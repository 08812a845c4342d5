using System.Net.Http.Headers;
using Glance.Domain.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>
/// The whole portal on a temporary data folder (a real SQLite file and the real filesystem store, or
/// PostgreSQL and an S3 bucket in the conformance run: <see cref="TestDatabase"/>, <see cref="TestStore"/>),
/// with trusted-header mode on so each test client says which project and roles it calls as.
/// </summary>
public class PortalApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new();

    public PortalApiFactory()
        : this(Path.Combine(Path.GetTempPath(), "glance-tests", Guid.NewGuid().ToString("N")), null)
    {
    }

    private PortalApiFactory(string dataDirectory, TestDatabase? database, TestStore? store = null)
    {
        DataDirectory = dataDirectory;
        _ownsData = database is null;
        Database = database ?? new TestDatabase(DataDirectory);
        Store = store ?? new TestStore(DataDirectory);
        _settings["Glance:DataDirectory"] = DataDirectory;
        _settings["Glance:Api:TrustedHeaders"] = "true";
        foreach (var (key, value) in Database.Settings)
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>The database the portal runs on (SQLite, or PostgreSQL for the conformance run).</summary>
    public TestDatabase Database { get; }

    /// <summary>The default image store when the test configures none (the filesystem store, or S3 for the conformance run).</summary>
    public TestStore Store { get; }

    private readonly bool _ownsData;

    /// <summary>The same portal started again on the same data folder, database and store, as after a restart; the original keeps them.</summary>
    public static PortalApiFactory Restart(PortalApiFactory original) => new(original.DataDirectory, original.Database, original.Store);

    /// <summary>The filesystem store's folder: only for tests about its own machinery (<see cref="TestStore.RequireFileSystem"/>).</summary>
    public string ImagesDirectory => Path.Combine(DataDirectory, "images");

    /// <summary>Overrides one setting; call before the first client is created.</summary>
    public PortalApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Overrides several settings (a store's, say); call before the first client is created.</summary>
    public PortalApiFactory With(IEnumerable<(string Key, string Value)> settings)
    {
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings.Concat(Store.SettingsUnless(_settings.Keys)))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client calling as a member of <paramref name="project"/> (or with the given roles).</summary>
    public HttpClient ClientFor(string project, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Identity-Status", "Confirmed");
        client.DefaultRequestHeaders.Add("X-User-Id", $"user-of-{project}");
        client.DefaultRequestHeaders.Add("X-Project-Id", project);
        client.DefaultRequestHeaders.Add("X-Roles", string.Join(',', roles.Length == 0 ? ["member", "reader"] : roles));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient AdminClient() => ClientFor("admin", "admin", "member", "reader");

    /// <summary>Runs code against the same database the app uses, for arranging what the API cannot yet.</summary>
    public async Task WithDatabaseAsync(Func<GlanceDbContext, Task> action)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<GlanceDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await action(db);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsData)
        {
            GC.SuppressFinalize(this);
            return;
        }
        await Database.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
