using System.Net;
using System.Net.Http.Headers;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.Versions;

/// <summary>Glance's version negotiation and router, path by path (reference §1.1; glance/api/middleware/version_negotiation.py).</summary>
public sealed class VersionNegotiationTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Theory]
    [InlineData("/image/v2")]
    [InlineData("/image/v2.1")]
    [InlineData("/image/v2.15")]
    public async Task A_version_without_a_trailing_slash_redirects_to_v2_slash(string path)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("http://localhost/image/v2/", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("GET", "/image/v2/")]
    [InlineData("GET", "/image/v2/images/")]
    [InlineData("DELETE", "/image/v2/images/")]
    [InlineData("POST", "/image/v2/images/")]
    [InlineData("GET", "/image/v2/images/{id}/")]
    [InlineData("GET", "/image/v2/images/{id}/members/")]
    [InlineData("PUT", "/image/v2/images/{id}/tags/")]
    [InlineData("GET", "/image/v2.1/images/{id}/")]
    public async Task A_trailing_slash_or_an_empty_id_is_404_as_in_glance(string method, string path)
    {
        var client = factory.ClientFor("project-a");
        var id = (await client.CreateImageAsync()).Id();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id)));

        await response.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal("404 Not Found", (string?)(await response.ReadJsonAsync())["code"]);
        // Nothing behind the slash was reached: the image is still there.
        await (await client.GetAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("GET", "/image/versions")]
    [InlineData("GET", "/image/versions/")]
    [InlineData("GET", "/image/versions/v2")]
    [InlineData("POST", "/image/versions")]
    [InlineData("DELETE", "/image/versions")]
    public async Task Versions_and_anything_under_it_is_200_for_any_method(string method, string path)
    {
        var response = await _anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(10, (await response.ReadJsonAsync())["versions"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("GET", "/image/v2.16/images")]
    [InlineData("GET", "/image/v2.8/images")]
    [InlineData("GET", "/image/v2.17/images")]
    [InlineData("GET", "/image/V2/images")]
    [InlineData("GET", "/image/images")]
    [InlineData("GET", "/image/versionsfoo")]
    [InlineData("POST", "/image/")]
    [InlineData("DELETE", "/image/")]
    public async Task A_version_glance_does_not_offer_here_is_the_300_document(string method, string path)
    {
        var response = await _anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldHaveStatusAsync(HttpStatusCode.MultipleChoices);
        Assert.NotEmpty((await response.ReadJsonAsync())["versions"]!.AsArray());
    }

    [Fact]
    public async Task Head_is_answered_where_glance_answers_it()
    {
        Assert.Equal(HttpStatusCode.MultipleChoices, (await _anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/image/"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/image/versions"))).StatusCode);
    }

    [Fact]
    public async Task The_list_has_every_version_glance_zed_lists_with_its_status()
    {
        var versions = (await (await _anonymous.GetAsync("/image/versions")).ReadJsonAsync())["versions"]!.AsArray()
            .Select(v => $"{v!["id"]}:{v["status"]}").ToList();

        Assert.Equal(
            ["v2.15:CURRENT", "v2.9:SUPPORTED", "v2.7:SUPPORTED", "v2.6:SUPPORTED", "v2.5:SUPPORTED", "v2.4:SUPPORTED",
             "v2.3:SUPPORTED", "v2.2:SUPPORTED", "v2.1:SUPPORTED", "v2.0:SUPPORTED"],
            versions);
    }

    [Theory]
    [InlineData("application/vnd.openstack.images-v2", "/image/images/{id}", HttpStatusCode.OK)]
    [InlineData("application/vnd.openstack.images-v2.1", "/image/images/{id}", HttpStatusCode.OK)]
    [InlineData("application/vnd.openstack.images-v2.16", "/image/images/{id}", HttpStatusCode.MultipleChoices)]
    [InlineData("application/vnd.openstack.images-v3", "/image/images/{id}", HttpStatusCode.MultipleChoices)]
    // The media type names the version, so a version in the path is part of the resource's path.
    [InlineData("application/vnd.openstack.images-v2", "/image/v2/images/{id}", HttpStatusCode.NotFound)]
    public async Task A_version_media_type_in_accept_picks_the_version(string accept, string path, HttpStatusCode expected)
    {
        var client = factory.ClientFor("project-a");
        var id = (await client.CreateImageAsync()).Id();
        var request = new HttpRequestMessage(HttpMethod.Get, path.Replace("{id}", id));
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("HEAD", "/image/v2/images/{id}", "GET, PATCH, DELETE")]
    [InlineData("POST", "/image/v2/images/{id}", "GET, PATCH, DELETE")]
    [InlineData("PUT", "/image/v2/images", "GET, POST")]
    [InlineData("HEAD", "/image/v2/images", "GET, POST")]
    [InlineData("DELETE", "/image/v2/images/{id}/file", "GET, PUT")]
    [InlineData("HEAD", "/image/v2/images/{id}/file", "GET, PUT")]
    [InlineData("GET", "/image/v2/images/{id}/tags/x", "PUT, DELETE")]
    [InlineData("GET", "/image/v2/images/{id}/actions/deactivate", "POST")]
    [InlineData("DELETE", "/image/v2/images/{id}/members", "GET, POST")]
    [InlineData("POST", "/image/v2/images/{id}/members/m", "GET, PUT, DELETE")]
    [InlineData("POST", "/image/v2/schemas/image", "GET")]
    public async Task Other_methods_on_a_known_path_are_405_with_glances_allow(string method, string path, string allow)
    {
        var client = factory.ClientFor("project-a");
        var id = (await client.CreateImageAsync()).Id();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id)));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }
}
