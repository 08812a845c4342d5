using System.Diagnostics;

namespace Glance.E2E;

/// <summary>
/// The portal signing in through an external, non-.NET provider: npm's oidc-provider
/// (tests/oidc-provider, installed by test.sh) on 127.0.0.1, with its own claim names.
/// </summary>
public sealed class ExternalProviderFixture : BrowserFixture
{
    private Process? _provider;

    public Uri ProviderAddress { get; private set; } = null!;

    protected override async Task<PortalServer> CreateServerAsync()
    {
        var providerPort = PortalServer.FreePort();
        var portalPort = PortalServer.FreePort();
        ProviderAddress = new Uri($"http://127.0.0.1:{providerPort}");
        var directory = Path.Combine(RepositoryRoot(), "tests", "oidc-provider");
        var start = new ProcessStartInfo("node", ["provider.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PORT"] = providerPort.ToString();
        start.Environment["PORTAL_ORIGIN"] = $"http://127.0.0.1:{portalPort}";
        _provider = Process.Start(start)!;

        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                (await http.GetAsync(new Uri(ProviderAddress, "/.well-known/openid-configuration"))).EnsureSuccessStatusCode();
                break;
            }
            catch (HttpRequestException) when (attempt < 100 && !_provider.HasExited)
            {
                await Task.Delay(100);
            }
        }

        return new PortalServer(portalPort, new Dictionary<string, string>
        {
            ["Authentication:Schemes:OpenIdConnect:Authority"] = ProviderAddress.ToString(),
            ["Authentication:Schemes:OpenIdConnect:ClientId"] = "glance-portal-external",
            ["Authentication:Schemes:OpenIdConnect:ClientSecret"] = "test-only-secret",
            ["Authentication:Schemes:OpenIdConnect:RequireHttpsMetadata"] = "false",
            ["Authentication:Schemes:OpenIdConnect:GetClaimsFromUserInfoEndpoint"] = "true",
            ["Glance:Claims:ProjectId"] = "tenant",
            ["Glance:Claims:Projects"] = "tenants",
            ["Glance:Claims:Role"] = "groups",
            ["Glance:Claims:ProjectRoles"] = "tenant_roles",
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is { HasExited: false })
        {
            _provider.Kill(entireProcessTree: true);
            await _provider.WaitForExitAsync();
        }
        _provider?.Dispose();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Glance.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Glance.sln not found above the test binaries.");
    }
}
