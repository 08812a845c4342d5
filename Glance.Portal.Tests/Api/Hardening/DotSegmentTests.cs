using System.Net;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.Hardening;

/// <summary>
/// Kestrel resolves <c>.</c> and <c>..</c> in a path before routing, so these requests go over a real
/// socket with their targets as sent: every route whose last segment is a variable, in every spelling
/// of a dot segment, must be refused and must leave the image, its tags and members as they were.
/// </summary>
public sealed class DotSegmentTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    private const string Owner = "dots-owner";

    public static TheoryData<string, string> Routes => new()
    {
        // method, route with {id} for the image; the dot segment is appended as its last segment
        { "DELETE", "/image/v2/images/{id}/tags/" },
        { "PUT", "/image/v2/images/{id}/tags/" },
        { "DELETE", "/image/v2/images/{id}/members/" },
        { "GET", "/image/v2/images/{id}/members/" },
        { "PUT", "/image/v2/images/{id}/members/" },
        { "GET", "/image/v2/images/{id}/file/" },
        { "PUT", "/image/v2/images/{id}/file/" },
        { "POST", "/image/v2/images/{id}/actions/" },
        { "DELETE", "/image/v2/images/{id}/" },
        { "PATCH", "/image/v2/images/{id}/" },
        { "GET", "/image/v2/images/{id}/" },
        { "GET", "/image/v2/schemas/" },
        { "GET", "/portal/images/{id}/file/" },
        { "POST", "/portal/images/{id}/uploads/" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_dot_segment_is_refused_and_changes_nothing(string method, string route)
    {
        var client = factory.RealClientFor(Owner);
        var image = await client.CreateImageAsync(new { name = "dots", tags = new[] { "keep" }, visibility = "shared" });
        var id = image.Id();
        await (await client.PostJsonTextAsync($"/image/v2/images/{id}/members", "{\"member\": \"dots-member\"}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        foreach (var dots in new[] { "..", ".", "%2e%2e", "%2E%2e", ".%2e", "%2e", "../..", "..?x=1" })
        {
            var body = method is "PUT" or "PATCH" or "POST" ? "{}" : null;
            var response = await factory.SendRawAsync(method, route.Replace("{id}", id) + dots, Owner, body);
            Assert.True(response.Status == 400, $"{method} {route}{dots} answered {response.Status}: {response.Body}");
        }

        var after = await client.GetImageAsync(id);
        Assert.Equal("queued", (string?)after["status"]);
        Assert.Equal(["keep"], after["tags"]!.AsArray().Select(t => (string?)t));
        await (await client.GetAsync($"/image/v2/images/{id}/members/dots-member")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/tags\\..\\..\\{id}")]
    [InlineData("/tags/x\\..")]
    [InlineData("/members\\..")]
    public async Task An_absolute_target_with_backslashes_cannot_climb_to_the_image(string suffix)
    {
        // Kestrel reads an absolute-form target with System.Uri, which takes a backslash for a slash
        // and then resolves the dot segments: this DELETE would otherwise delete the image.
        var client = factory.RealClientFor(Owner);
        var id = (await client.CreateImageAsync(new { name = "backslashes", tags = new[] { "x" } })).Id();

        var target = $"http://{factory.BaseAddress.Authority}/image/v2/images/{id}" + suffix.Replace("{id}", id);
        var response = await factory.SendRawAsync("DELETE", target, Owner);

        Assert.True(response.Status == 400, $"DELETE {target} answered {response.Status}: {response.Body}");
        var after = await client.GetImageAsync(id);
        Assert.Equal(["x"], after["tags"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task The_refusal_under_the_api_is_glances_error_body()
    {
        var id = (await factory.RealClientFor(Owner).CreateImageAsync()).Id();
        var response = await factory.SendRawAsync("DELETE", $"/image/v2/images/{id}/tags/..", Owner);
        Assert.Equal(400, response.Status);
        Assert.Contains("\"code\":\"400 Bad Request\"", response.Body);
        Assert.Contains("x-openstack-request-id", response.Head, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Names_with_dots_that_are_not_dot_segments_still_work()
    {
        var client = factory.RealClientFor(Owner);
        var id = (await client.CreateImageAsync()).Id();
        foreach (var tag in new[] { "...", ".hidden", "v1.2", "a..b" })
        {
            Assert.Equal(204, (await factory.SendRawAsync("PUT", $"/image/v2/images/{id}/tags/{tag}", Owner)).Status);
            Assert.Equal(204, (await factory.SendRawAsync("DELETE", $"/image/v2/images/{id}/tags/{tag}", Owner)).Status);
        }
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_tag_no_url_could_name_is_refused_at_create_patch_and_put(string tag)
    {
        var client = factory.RealClientFor(Owner);
        var create = await client.PostJsonTextAsync("/image/v2/images", $$"""{"name": "t", "tags": ["ok", "{{tag}}"]}""");
        await create.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);

        var id = (await client.CreateImageAsync()).Id();
        var patch = await client.PatchAsync(id, $$"""[{"op": "replace", "path": "/tags", "value": ["{{tag}}"]}]""");
        await patch.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var encoded = tag.Replace(".", "%2E");
        Assert.Equal(400, (await factory.SendRawAsync("PUT", $"/image/v2/images/{id}/tags/{encoded}", Owner)).Status);
        Assert.Empty((await client.GetImageAsync(id))["tags"]!.AsArray());
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_member_no_url_could_name_is_refused(string member)
    {
        var client = factory.RealClientFor(Owner);
        var id = (await client.CreateImageAsync(new { name = "m", visibility = "shared" })).Id();
        var response = await client.PostJsonTextAsync($"/image/v2/images/{id}/members", $$"""{"member": "{{member}}"}""");
        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Empty((await (await client.GetAsync($"/image/v2/images/{id}/members")).ReadJsonAsync())["members"]!.AsArray());
    }
}
