using System.Net;
using System.Net.Http.Json;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>
/// Who may do what to an image, for every visibility and every kind of caller, through the API: the
/// owner project O (member and reader roles, or reader only), members A (accepted), P (pending) and
/// R (rejected), another project X, and an admin. Each case gets its own image with data, shared with
/// A, P and R (who answer for themselves) before its visibility is set.
/// </summary>
public sealed class SharingMatrixTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private const int Ok = 200, NoContent = 204, Forbidden = 403, NotFound = 404;

    private HttpClient Caller(string caller) => caller switch
    {
        "admin" => factory.AdminClient(),
        "owner-reader" => factory.ClientFor("O", "reader"),
        "owner" => factory.ClientFor("O"),
        _ => factory.ClientFor(caller),
    };

    private async Task<string> ImageAsync(string visibility)
    {
        var owner = factory.ClientFor("O");
        var id = (await owner.CreateImageAsync(new { name = $"matrix-{visibility}", disk_format = "raw", container_format = "bare" })).Id();
        await (await owner.UploadAsync(id, [1, 2, 3])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        foreach (var (member, answer) in new[] { ("A", "accepted"), ("P", "pending"), ("R", "rejected") })
        {
            await (await owner.PostAsJsonAsync($"/image/v2/images/{id}/members", new { member })).ShouldHaveStatusAsync(HttpStatusCode.OK);
            await (await factory.ClientFor(member).PutAsJsonAsync($"/image/v2/images/{id}/members/{member}", new { status = answer })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        if (visibility != "shared")
        {
            // Publicizing is for admins (publicize_image); the rest is the owner's.
            var changer = visibility == "public" ? factory.AdminClient() : owner;
            await (await changer.PatchAsync(id, $$"""[{"op":"replace","path":"/visibility","value":"{{visibility}}"}]""")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        return id;
    }

    private static async Task<bool> ListsAsync(HttpClient client, string id, string query)
    {
        var response = await client.GetAsync($"/image/v2/images?limit=1000{query}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync())["images"]!.AsArray().Any(i => (string)i!["id"]! == id);
    }

    /// <summary>visibility, caller, show and download, in default list, in list with visibility=X&amp;member_status=all, add member, remove member A, A's status changed</summary>
    public static TheoryData<string, string, int, bool, bool, int, int, int> Cases => new()
    {
        // Public and community images: everyone reads; only the owner's default list holds a community image.
        { "public", "owner", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "public", "owner-reader", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "public", "A", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "public", "P", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "public", "R", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "public", "X", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "public", "admin", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "community", "owner", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "community", "owner-reader", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "community", "A", Ok, false, true, Forbidden, Forbidden, Forbidden },
        { "community", "P", Ok, false, true, Forbidden, Forbidden, Forbidden },
        { "community", "R", Ok, false, true, Forbidden, Forbidden, Forbidden },
        { "community", "X", Ok, false, true, Forbidden, Forbidden, Forbidden },
        { "community", "admin", Ok, false, true, Forbidden, Forbidden, Forbidden },
        // Shared: members read whatever they answered; only accepted puts it in the default list. The
        // owner manages members but never answers for them; a member sees only its own record, and
        // removing one is refused as not the owner's before the member is looked for.
        { "shared", "owner", Ok, true, true, Ok, NoContent, Forbidden },
        { "shared", "owner-reader", Ok, true, true, Ok, NoContent, Forbidden },
        { "shared", "A", Ok, true, true, Forbidden, Forbidden, Ok },
        { "shared", "P", Ok, false, true, Forbidden, Forbidden, NotFound },
        { "shared", "R", Ok, false, true, Forbidden, Forbidden, NotFound },
        { "shared", "X", NotFound, false, false, NotFound, NotFound, NotFound },
        { "shared", "admin", Ok, true, true, Ok, NoContent, Ok },
        // Private: members are dormant, so they are strangers again.
        { "private", "owner", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "private", "owner-reader", Ok, true, true, Forbidden, Forbidden, Forbidden },
        { "private", "A", NotFound, false, false, NotFound, NotFound, NotFound },
        { "private", "P", NotFound, false, false, NotFound, NotFound, NotFound },
        { "private", "R", NotFound, false, false, NotFound, NotFound, NotFound },
        { "private", "X", NotFound, false, false, NotFound, NotFound, NotFound },
        { "private", "admin", Ok, true, true, Forbidden, Forbidden, Forbidden },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_what_glance_gives(string visibility, string caller, int read, bool inDefaultList, bool inVisibilityList, int addMember, int removeMember, int answer)
    {
        var id = await ImageAsync(visibility);
        var client = Caller(caller);

        Assert.Equal(read, (int)(await client.GetAsync($"/image/v2/images/{id}")).StatusCode);
        Assert.Equal(read, (int)(await client.GetAsync($"/image/v2/images/{id}/file")).StatusCode);
        Assert.Equal(inDefaultList, await ListsAsync(client, id, ""));
        Assert.Equal(inVisibilityList, await ListsAsync(client, id, $"&visibility={visibility}&member_status=all"));
        Assert.Equal(answer, (int)(await client.PutAsJsonAsync($"/image/v2/images/{id}/members/A", new { status = "rejected" })).StatusCode);
        Assert.Equal(addMember, (int)(await client.PostAsJsonAsync($"/image/v2/images/{id}/members", new { member = "Z" })).StatusCode);
        Assert.Equal(removeMember, (int)(await client.DeleteAsync($"/image/v2/images/{id}/members/A")).StatusCode);
    }

    [Theory]
    [InlineData("P", "pending")]
    [InlineData("R", "rejected")]
    [InlineData("A", "accepted")]
    public async Task A_member_status_filter_finds_the_offer_in_that_status(string member, string status)
    {
        var id = await ImageAsync("shared");
        var client = factory.ClientFor(member);

        foreach (var filter in new[] { "pending", "accepted", "rejected" })
        {
            Assert.Equal(filter == status, await ListsAsync(client, id, $"&visibility=shared&member_status={filter}"));
        }
        Assert.True(await ListsAsync(client, id, "&member_status=all"));
    }
}
