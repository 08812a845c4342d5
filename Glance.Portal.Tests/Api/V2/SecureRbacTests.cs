using System.Net;
using System.Net.Http.Json;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>With Glance's new defaults (enforce_new_defaults) the roles decide: readers read, members write, admins do anything.</summary>
public sealed class SecureRbacTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new PortalApiFactory().With("Glance:Policy:EnforceNewDefaults", "true");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task A_reader_in_the_owning_project_reads_but_does_not_write()
    {
        var member = _factory.ClientFor("P", "member", "reader");
        var reader = _factory.ClientFor("P", "reader");
        var id = (await member.CreateImageAsync()).Id();

        await (await reader.GetAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await reader.GetAsync("/image/v2/images")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await reader.PatchAsync(id, """[{"op":"replace","path":"/name","value":"x"}]""")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await reader.DeleteAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await reader.PostAsJsonAsync($"/image/v2/images/{id}/members", new { member = "Q" })).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await reader.PostAsJsonAsync("/image/v2/images", new { name = "r" })).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);

        await (await member.PatchAsync(id, """[{"op":"replace","path":"/name","value":"x"}]""")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await _factory.AdminClient().DeleteAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_member_role_elsewhere_and_no_role_at_all_get_nothing_of_a_shared_image()
    {
        var owner = _factory.ClientFor("P");
        var id = (await owner.CreateImageAsync()).Id();
        await (await owner.PostAsJsonAsync($"/image/v2/images/{id}/members", new { member = "Q" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await _factory.ClientFor("Q").GetAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await _factory.ClientFor("X").GetAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        // A role Glance does not know reads nothing, not even the list.
        await (await _factory.ClientFor("Q", "observer").GetAsync("/image/v2/images")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }
}
