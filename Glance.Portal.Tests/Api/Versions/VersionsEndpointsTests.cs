using System.Net;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.Versions;

public sealed class VersionsEndpointsTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Theory]
    [InlineData("/image/")]
    [InlineData("/image/v1/images")]
    [InlineData("/image/v3")]
    public async Task The_root_and_unknown_versions_answer_300_without_authentication(string path)
    {
        var response = await _anonymous.GetAsync(path);

        await response.ShouldHaveStatusAsync(HttpStatusCode.MultipleChoices);
        var versions = (await response.ReadJsonAsync())["versions"]!.AsArray();
        Assert.Contains(versions, v => (string?)v!["id"] == "v2.15" && (string?)v["status"] == "CURRENT");
        Assert.All(versions, v => Assert.Equal("http://localhost/image/v2/", (string?)v!["links"]![0]!["href"]));
    }

    [Fact]
    public async Task Versions_answers_200()
    {
        var response = await _anonymous.GetAsync("/image/versions");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(10, (await response.ReadJsonAsync())["versions"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/image/v2.1/images")]
    [InlineData("/image/v2.15/images")]
    [InlineData("/image/v2.0/schemas/image")]
    public async Task Minor_version_prefixes_reach_the_v2_api(string path)
    {
        var response = await factory.ClientFor("project-a").GetAsync(path);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_and_reuses_the_callers()
    {
        var fresh = await _anonymous.GetAsync("/image/versions");
        Assert.Matches("^req-[0-9a-f-]{36}$", fresh.Headers.GetValues("x-openstack-request-id").Single());

        var request = new HttpRequestMessage(HttpMethod.Get, "/image/v2/images/unknown");
        request.Headers.Add("X-Openstack-Request-ID", "req-from-the-client");
        var echoed = await factory.ClientFor("project-a").SendAsync(request);
        Assert.Equal("req-from-the-client", echoed.Headers.GetValues("x-openstack-request-id").Single());
    }

    [Fact]
    public async Task The_health_check_answers_ok_when_database_and_store_work()
    {
        var response = await _anonymous.GetAsync("/healthcheck");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "text/plain", "404 Not Found\n\n")]
    [InlineData("text/html", "text/html", "<h1>404 Not Found</h1>")]
    [InlineData("application/json", "application/json", "\"code\":\"404 Not Found\"")]
    public async Task Errors_take_the_form_the_client_accepts(string? accept, string mediaType, string fragment)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Identity-Status", "Confirmed");
        client.DefaultRequestHeaders.Add("X-Project-Id", "project-a");
        if (accept is not null)
        {
            client.DefaultRequestHeaders.Add("Accept", accept);
        }

        var response = await client.GetAsync($"/image/v2/images/{Guid.NewGuid()}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(fragment, await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthCheckFailureTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task The_health_check_answers_503_when_the_store_cannot_write()
    {
        TestStore.RequireFileSystem();
        var client = _factory.CreateClient();
        var incoming = Path.Combine(_factory.ImagesDirectory, ".incoming");
        Directory.Delete(incoming);
        // A file where the store's folder should be: no write can succeed.
        await File.WriteAllTextAsync(incoming, "in the way");

        var response = await client.GetAsync("/healthcheck");

        await response.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("image store file unavailable", await response.Content.ReadAsStringAsync());
    }
}
