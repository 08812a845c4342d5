using System.Net;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

public sealed class ImageTagsEndpointsTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private readonly HttpClient _owner = factory.ClientFor("project-a");
    private readonly HttpClient _other = factory.ClientFor("project-b");

    [Fact]
    public async Task Adding_a_tag_is_idempotent_and_deleting_it_removes_it()
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.PutAsync($"/image/v2/images/{image.Id()}/tags/fedora", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await _owner.PutAsync($"/image/v2/images/{image.Id()}/tags/fedora", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(["fedora"], (await _owner.GetImageAsync(image.Id()))["tags"]!.AsArray().Select(t => (string)t!));

        await (await _owner.DeleteAsync($"/image/v2/images/{image.Id()}/tags/fedora")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty((await _owner.GetImageAsync(image.Id()))["tags"]!.AsArray());
    }

    [Fact]
    public async Task Deleting_a_tag_the_image_does_not_have_is_404()
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.DeleteAsync($"/image/v2/images/{image.Id()}/tags/absent")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tagging_an_unknown_image_is_404()
    {
        var response = await _owner.PutAsync($"/image/v2/images/{Guid.NewGuid()}/tags/x", null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tag_longer_than_255_is_400()
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.PutAsync($"/image/v2/images/{image.Id()}/tags/{new string('t', 256)}", null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_project_may_not_tag_an_image_it_can_see()
    {
        var image = await _owner.CreateImageAsync(new { visibility = "community" });

        var response = await _other.PutAsync($"/image/v2/images/{image.Id()}/tags/mine", null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }
}

/// <summary>Quotas need their own settings, hence their own factory.</summary>
public sealed class ImageQuotaTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new PortalApiFactory()
        .With("Glance:Limits:ImageTagQuota", "2")
        .With("Glance:Limits:ImagePropertyQuota", "2");

    private HttpClient Owner => _factory.ClientFor("project-a");

    [Fact]
    public async Task Tags_beyond_the_quota_are_413_on_every_path()
    {
        var create = await Owner.PostJsonTextAsync("/image/v2/images", """{"tags": ["a", "b", "c"]}""");
        await create.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);

        var image = await Owner.CreateImageAsync(new { tags = new[] { "a", "b" } });
        await (await Owner.PutAsync($"/image/v2/images/{image.Id()}/tags/c", null)).ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await Owner.PutAsync($"/image/v2/images/{image.Id()}/tags/a", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var patch = await Owner.PatchAsync(image.Id(), """[{"op": "replace", "path": "/tags", "value": ["x", "y", "z"]}]""");
        await patch.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["a", "b"], (await Owner.GetImageAsync(image.Id()))["tags"]!.AsArray().Select(t => (string)t!).Order());
    }

    [Fact]
    public async Task Properties_beyond_the_quota_are_413_but_replacing_one_is_fine()
    {
        var create = await Owner.PostJsonTextAsync("/image/v2/images", """{"p1": "1", "p2": "2", "p3": "3"}""");
        await create.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);

        var image = await Owner.CreateImageAsync(new { p1 = "1", p2 = "2" });
        var add = await Owner.PatchAsync(image.Id(), """[{"op": "add", "path": "/p3", "value": "3"}]""");
        await add.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        var replace = await Owner.PatchAsync(image.Id(), """[{"op": "replace", "path": "/p1", "value": "one"}]""");
        await replace.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
