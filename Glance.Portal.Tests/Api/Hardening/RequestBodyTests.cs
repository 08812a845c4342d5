using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.Hardening;

/// <summary>Bodies Glance's deserializer refuses or ignores, and the details of its answers around them (reference §0).</summary>
public sealed class RequestBodyTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private const string Owner = "bodies-owner";

    /// <summary>Each endpoint that reads JSON, and a well-formed body it would take.</summary>
    private static readonly (string Method, string Path, string Type, string Good)[] s_jsonEndpoints =
    [
        ("POST", "/image/v2/images", "application/json", """{"name": "x"}"""),
        ("PATCH", "/image/v2/images/{id}", ApiClientExtensions.V21Patch, """[{"op": "replace", "path": "/name", "value": "x"}]"""),
        ("PATCH", "/image/v2/images/{id}", ApiClientExtensions.V20Patch, """[{"replace": "/name", "value": "x"}]"""),
        ("POST", "/image/v2/images/{id}/members", "application/json", """{"member": "x"}"""),
        ("PUT", "/image/v2/images/{id}/members/bodies-member", "application/json", """{"status": "x"}"""),
    ];

    public static TheoryData<string, string, string, string, string> BrokenBodies()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var (method, path, type, good) in s_jsonEndpoints)
        {
            data.Add(method, path, type, good.Replace("\"x\"", "\"\\ud800\""), "lone surrogate");
            data.Add(method, path, type, good.Replace("\"x\"", "\"\\udc00a\""), "lone low surrogate");
            data.Add(method, path, type, good.Replace("\"x\"", "\"\xff\xfe\""), "invalid UTF-8");
            if (good.Contains("\"name\""))
            {
                data.Add(method, path, type, good.Replace("\"name\"", "\"\\ud800\""), "lone surrogate in a key");
            }
            var duplicate = good.Contains("\"op\"") ? good.Replace("\"op\": \"replace\"", "\"op\": \"replace\", \"op\": \"remove\"")
                : good.Contains("\"replace\"") ? good.Replace("\"value\": \"x\"", "\"value\": \"x\", \"value\": \"y\"")
                : good.Replace("{", "{\"dup\": 1, \"dup\": 2, ");
            data.Add(method, path, type, duplicate, "duplicate key");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task Json_that_is_not_utf8_utf16_or_has_a_repeated_key_is_400_and_changes_nothing(string method, string path, string type, string body, string what)
    {
        var client = factory.ClientFor(Owner);
        var id = (await client.CreateImageAsync(new { name = "before", visibility = "shared" })).Id();
        await client.PostJsonTextAsync($"/image/v2/images/{id}/members", """{"member": "bodies-member"}""");
        var bytes = what == "invalid UTF-8" ? Encoding.Latin1.GetBytes(body) : Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id)) { Content = content });

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Malformed JSON in request body", (string?)(await response.ReadJsonAsync())["message"]);
        Assert.Equal("before", (string?)(await client.GetImageAsync(id))["name"]);
    }

    [Theory]
    [InlineData("PUT", "/image/v2/images/{id}/tags/sometag")]
    [InlineData("POST", "/image/v2/images/{id}/actions/deactivate")]
    [InlineData("POST", "/image/v2/images/{id}/actions/reactivate")]
    [InlineData("GET", "/image/v2/images/{id}")]
    [InlineData("DELETE", "/image/v2/images/{id}")]
    [InlineData("GET", "/image/v2/images/{id}/members")]
    public async Task A_body_where_glance_expects_none_is_400(string method, string path)
    {
        var client = factory.ClientFor(Owner);
        var id = (await client.CreateImageAsync()).Id();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        });

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("A body is not expected with this request.", (string?)(await response.ReadJsonAsync())["message"]);
        var image = await client.GetImageAsync(id);
        Assert.Empty(image["tags"]!.AsArray());
    }

    [Fact]
    public async Task A_list_ignores_a_body_as_glance_does()
    {
        var client = factory.ClientFor(Owner);
        var id = (await client.CreateImageAsync()).Id();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/image/v2/images")
        {
            Content = new StringContent("not json at all", Encoding.UTF8, "text/plain"),
        });

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains((await response.ReadJsonAsync())["images"]!.AsArray(), i => (string?)i!["id"] == id);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("min_ram")]
    [InlineData("container_format")]
    public async Task A_v20_add_of_a_core_attribute_is_409_even_when_it_is_unset(string attribute)
    {
        var client = factory.ClientFor(Owner);
        var id = (await client.CreateImageAsync(new { name = "kept" })).Id();

        var value = attribute == "min_ram" ? "1" : "\"bare\"";
        var response = await client.PatchAsync(id, $$"""[{"add": "/{{attribute}}", "value": {{value}}}]""", ApiClientExtensions.V20Patch);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        Assert.StartsWith($"Property {attribute} already present.", (string?)(await response.ReadJsonAsync())["message"]);
        var image = await client.GetImageAsync(id);
        Assert.Equal("kept", (string?)image["name"]);
        Assert.Equal(0, (int)image["min_ram"]!);
        Assert.Null((string?)image["container_format"]);

        // v2.1 add sets the value, as Glance's does.
        await (await client.PatchAsync(id, """[{"op": "add", "path": "/name", "value": "new"}]""")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("name:asc", "a,b,c")]
    [InlineData(" name : asc ", "a,b,c")]
    [InlineData("name :desc , created_at: asc", "c,b,a")]
    [InlineData("name:", "c,b,a")]
    public async Task Sort_values_may_have_spaces_around_keys_and_directions(string sort, string expected)
    {
        var owner = "sort-" + Guid.NewGuid().ToString("N")[..8];
        var client = factory.ClientFor(owner);
        foreach (var name in new[] { "b", "c", "a" })
        {
            await client.CreateImageAsync(new { name, visibility = "private" });
        }

        var response = await client.GetAsync($"/image/v2/images?owner={owner}&sort={Uri.EscapeDataString(sort)}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var names = (await response.ReadJsonAsync())["images"]!.AsArray().Select(i => (string?)i!["name"]);
        Assert.Equal(expected, string.Join(",", names));
    }

    [Theory]
    [InlineData("name:ASC")]
    [InlineData("name:asc:x")]
    [InlineData(",")]
    public async Task Sort_values_glance_refuses_are_400(string sort)
    {
        var response = await factory.ClientFor(Owner).GetAsync($"/image/v2/images?sort={Uri.EscapeDataString(sort)}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("bodies-member")]
    [InlineData("bodies-other")]
    public async Task Removing_a_member_is_403_for_a_member_whichever_member_it_names(string named)
    {
        var owner = factory.ClientFor(Owner);
        var id = (await owner.CreateImageAsync(new { name = "shared", visibility = "shared" })).Id();
        await owner.PostJsonTextAsync($"/image/v2/images/{id}/members", """{"member": "bodies-member"}""");
        await owner.PostJsonTextAsync($"/image/v2/images/{id}/members", """{"member": "bodies-other"}""");

        var response = await factory.ClientFor("bodies-member").DeleteAsync($"/image/v2/images/{id}/members/{named}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        var members = (await (await owner.GetAsync($"/image/v2/images/{id}/members")).ReadJsonAsync())["members"]!.AsArray();
        Assert.Equal(2, members.Count);
        // A project that cannot see the image learns nothing: 404.
        await (await factory.ClientFor("bodies-stranger").DeleteAsync($"/image/v2/images/{id}/members/bodies-member")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("abc", "req-abc")]
    [InlineData("req-abc", "req-abc")]
    [InlineData("REQ-abc", "req-REQ-abc")]
    public async Task A_request_id_without_the_req_prefix_gets_it(string sent, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/image/v2/images");
        request.Headers.Add("X-Openstack-Request-ID", sent);

        var response = await factory.ClientFor(Owner).SendAsync(request);

        Assert.Equal(expected, response.Headers.GetValues("x-openstack-request-id").Single());
    }
}
