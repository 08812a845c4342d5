using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Glance.Domain;
using Glance.Domain.Common;
using Glance.Domain.Persistence;
using Glance.Portal.Auth;
using Glance.Portal.Components.Shared;
using Glance.Portal.Hosting;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>
/// bUnit with the real domain: MudBlazor, the domain services on a temporary SQLite file and image
/// folder (migrated), and a signed-in user whose claims become the caller, as in the portal.
/// </summary>
public abstract class PortalComponentContext : BunitContext, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "glance-bunit", Guid.NewGuid().ToString("N"));
    private readonly BunitAuthorizationContext _authorization;

    /// <param name="settings">More configuration, e.g. several image stores.</param>
    protected PortalComponentContext(bool secureRbac = true, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        this.AddMudBlazorForTests();
        Database = new TestDatabase(_folder);
        Store = new TestStore(_folder);
        settings = (settings ?? []).ToList();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Glance:DataDirectory"] = _folder,
            ["Glance:Policy:EnforceNewDefaults"] = secureRbac ? "true" : "false",
        }.Concat(Database.Settings).Concat(settings).Concat(Store.SettingsUnless(settings.Select(s => s.Key)))).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddLogging();
        Services.AddGlanceDomain();
        Services.AddGlancePersistence(configuration);
        Services.AddGlanceStores(configuration);
        Services.AddPortalComponentServices();
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        _authorization = AddAuthorization();
    }

    /// <summary>The token a prerendered page would carry; the upload endpoint is not called in bUnit.</summary>
    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }

    public async ValueTask InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<GlanceDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    /// <summary>Signs in as a user of <paramref name="project"/> with the given roles; returns the matching domain caller.</summary>
    protected CallerContext SignIn(string user, string project, params string[] roles)
    {
        _authorization.SetAuthorized(user);
        _authorization.SetClaims([
            new Claim(GlanceClaimTypes.UserId, user),
            new Claim(GlanceClaimTypes.ProjectId, project),
            .. roles.Select(r => new Claim(GlanceClaimTypes.Role, r)),
        ]);
        return new CallerContext(user, project, roles);
    }

    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Waits for the domain where a test cannot await (inside bUnit's WaitForAssertion, say), on the
    /// thread pool, so that a database that answers asynchronously cannot deadlock the test's thread.
    /// </summary>
    protected static T Wait<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();

    /// <summary>The database the components' domain runs on.</summary>
    protected TestDatabase Database { get; }

    /// <summary>The image store the components' domain writes to, when the test configures none.</summary>
    protected TestStore Store { get; }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
