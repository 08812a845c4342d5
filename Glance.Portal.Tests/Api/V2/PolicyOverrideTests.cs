using System.Net;
using System.Net.Http.Json;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>An operator's policy file changes what the API allows, without touching code.</summary>
public sealed class PolicyOverrideTests : IAsyncLifetime
{
    private readonly string _policyFile = Path.Combine(Path.GetTempPath(), $"glance-policy-{Guid.NewGuid():N}.yaml");
    private PortalApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_policyFile, """
            "publicize_image": "role:admin or (role:member and project_id:%(owner)s)"
            "delete_image": "role:admin"
            "get_images": "role:reader"
            "communitize_image": "role:admin"
            "add_member": "role:admin"
            """);
        _factory = new PortalApiFactory().With("Glance:Policy:File", _policyFile);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        File.Delete(_policyFile);
    }

    [Fact]
    public async Task A_member_may_publicize_when_the_policy_says_so()
    {
        var member = _factory.ClientFor("project-a", "member", "reader");

        var image = await member.CreateImageAsync(new { visibility = "public" });
        Assert.Equal("public", (string?)image["visibility"]);

        var other = await member.CreateImageAsync();
        var patch = await member.PatchAsync(other.Id(), """[{"op": "replace", "path": "/visibility", "value": "public"}]""");
        await patch.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Community_and_new_members_are_for_admins_when_the_policy_says_so()
    {
        var member = _factory.ClientFor("project-a", "member", "reader");

        await (await member.PostAsJsonAsync("/image/v2/images", new { visibility = "community" })).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        var image = await member.CreateImageAsync();
        var patch = await member.PatchAsync(image.Id(), """[{"op": "replace", "path": "/visibility", "value": "community"}]""");
        await patch.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal("shared", (string?)(await member.GetImageAsync(image.Id()))["visibility"]);

        await (await member.PostAsJsonAsync($"/image/v2/images/{image.Id()}/members", new { member = "project-b" })).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _factory.AdminClient().PostAsJsonAsync($"/image/v2/images/{image.Id()}/members", new { member = "project-b" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_owner_may_no_longer_delete_when_the_policy_reserves_it_for_admins()
    {
        var member = _factory.ClientFor("project-a", "member", "reader");
        var image = await member.CreateImageAsync();

        var refused = await member.DeleteAsync($"/image/v2/images/{image.Id()}");
        await refused.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("delete_image", (string?)(await refused.ReadJsonAsync())["message"]);

        await (await _factory.AdminClient().DeleteAsync($"/image/v2/images/{image.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Listing_needs_the_reader_role_under_this_policy()
    {
        var withoutReader = _factory.ClientFor("project-a", "member");

        await (await withoutReader.GetAsync("/image/v2/images")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _factory.ClientFor("project-a", "reader").GetAsync("/image/v2/images")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }
}

public sealed class BadPolicyFileTests
{
    [Theory]
    [InlineData("\"modify_image\": \"role:admin or or role:member\"", "modify_image")]
    [InlineData("\"modify_image\": \"rule:missing_rule\"", "missing_rule")]
    public async Task A_bad_policy_file_stops_start_up_naming_the_rule(string content, string rule)
    {
        var path = Path.Combine(Path.GetTempPath(), $"glance-policy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, content);
        try
        {
            await using var factory = new PortalApiFactory().With("Glance:Policy:File", path);

            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            Assert.Contains($"'{rule}'", error.ToString());
            Assert.Contains("Glance:Policy:File", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_policy_file_stops_start_up()
    {
        await using var factory = new PortalApiFactory().With("Glance:Policy:File", "/nonexistent/policy.yaml");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("/nonexistent/policy.yaml", error.ToString());
    }
}
