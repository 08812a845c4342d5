using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Auth;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Auth;

/// <summary>
/// Keystone tokens validated against a real Keystone (Debian's), which test.sh starts with
/// tests/keystone.sh and announces in GLANCE_TEST_KEYSTONE_* variables; without them these tests are
/// skipped, not passed. They run apart from the parallel tests: one Keystone process under uWSGI
/// answers slowly on a loaded two-core machine.
/// </summary>
[Collection(nameof(Configuration.ProcessEnvironment))]
public sealed class KeystoneTokenTests : IAsyncLifetime
{
    private static readonly string? s_keystone = Environment.GetEnvironmentVariable("GLANCE_TEST_KEYSTONE_URL");
    private static readonly string? s_demoProject = Environment.GetEnvironmentVariable("GLANCE_TEST_KEYSTONE_DEMO_PROJECT");

    private readonly PortalApiFactory _factory = new PortalApiFactory()
        .With("Glance:Api:TrustedHeaders", "false")
        .With("Glance:Api:Keystone:Url", s_keystone)
        .With("Glance:Api:Keystone:ServicePassword", Environment.GetEnvironmentVariable("GLANCE_TEST_KEYSTONE_SERVICE_PASSWORD"))
        // No cache, so that a revocation shows at once.
        .With("Glance:Api:Keystone:CacheTime", "00:00:00");

    private readonly HttpClient _keystone = new();

    public ValueTask InitializeAsync()
    {
        Assert.SkipWhen(s_keystone is null, "needs a Keystone: run ./test.sh, which starts one");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _keystone.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<string> IssueAsync(string user, string password, string project)
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject
                    {
                        ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = password },
                    },
                },
                ["scope"] = new JsonObject
                {
                    ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["id"] = "default" } },
                },
            },
        };
        // A sized body: Keystone under uWSGI does not read chunked requests.
        var response = await _keystone.PostAsync($"{s_keystone}/v3/auth/tokens", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    private HttpClient ClientWith(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        client.DefaultRequestHeaders.Add("Accept", "application/json");
        return client;
    }

    [Fact]
    public async Task A_keystone_token_calls_the_api_as_its_project_with_its_roles()
    {
        var client = ClientWith(await IssueAsync("demo", "demo-secret", "demo-ks"));

        var image = await client.CreateImageAsync(new { name = "from-keystone" });
        Assert.Equal(s_demoProject, (string?)image["owner"]);

        // member, not admin: publicizing is refused.
        var publicize = await client.PatchAsync(image.Id(), """[{"op": "replace", "path": "/visibility", "value": "public"}]""");
        await publicize.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_token_from_keystone_is_an_admin()
    {
        var client = ClientWith(await IssueAsync("admin", "admin-secret", "admin"));

        var image = await client.CreateImageAsync(new { visibility = "public" });

        Assert.Equal("public", (string?)image["visibility"]);
    }

    [Fact]
    public async Task A_revoked_token_is_401()
    {
        var token = await IssueAsync("revokee", "revokee-secret", "demo-ks");
        var client = ClientWith(token);
        await (await client.GetAsync("/image/v2/images")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"{s_keystone}/v3/auth/tokens");
        revoke.Headers.Add("X-Auth-Token", token);
        revoke.Headers.Add("X-Subject-Token", token);
        (await _keystone.SendAsync(revoke)).EnsureSuccessStatusCode();

        var response = await client.GetAsync("/image/v2/images");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task A_made_up_token_is_401()
    {
        var response = await ClientWith("gAAAAABmadeUpTokenThatKeystoneNeverIssued").GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Sharing_picks_keystones_projects_by_name()
    {
        _factory.CreateClient();
        var directory = _factory.Services.GetRequiredService<IProjectDirectory>();

        var projects = await directory.ProjectsAsync();

        Assert.IsType<KeystoneProjectDirectory>(directory);
        Assert.NotNull(projects);
        Assert.Contains(new KnownProject(s_demoProject!, "demo-ks"), projects);
        Assert.Contains(projects, p => p.Name == "service");
        // Keystone's names are for admins unless the operator opens them (Glance:Api:Keystone:ProjectDirectory).
        var choices = _factory.Services.GetRequiredService<ProjectChoices>();
        var member = new CallerContext("u", "p", ["member"]);
        Assert.Null(await choices.ForAsync(member));
        var known = await choices.ForAsync(new CallerContext("root", "admin", ["admin"]));
        Assert.NotNull(known);
        // What the panel would say of an id Keystone does not know.
        var image = await _factory.Services.GetRequiredService<ImageService>().CreateAsync(member, new NewImage { Name = "x", Visibility = ImageVisibility.Shared });
        Assert.Equal("No such project is known to this portal.", _factory.Services.GetRequiredService<MemberService>().ProblemWithNewMember(image, "nowhere", known));
        Assert.Null(_factory.Services.GetRequiredService<MemberService>().ProblemWithNewMember(image, known.Resolve("demo-ks"), known));
    }
}
