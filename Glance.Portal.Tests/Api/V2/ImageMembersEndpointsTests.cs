using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>The members API one call at a time, with Glance's status codes and messages (reference §5.2).</summary>
public sealed class ImageMembersEndpointsTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new PortalApiFactory().With("Glance:Limits:ImageMemberQuota", "3");
    private HttpClient _owner = null!;
    private string _id = null!;

    public async ValueTask InitializeAsync()
    {
        _owner = _factory.ClientFor("O");
        _id = (await _owner.CreateImageAsync()).Id();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private Task<HttpResponseMessage> AddAsync(HttpClient client, object body, string? id = null) =>
        client.PostAsJsonAsync($"/image/v2/images/{id ?? _id}/members", body);

    private Task<HttpResponseMessage> AnswerAsync(HttpClient client, string member, object body) =>
        client.PutAsJsonAsync($"/image/v2/images/{_id}/members/{member}", body);

    private async Task<string[]> DefaultListAsync(HttpClient client) =>
        (await (await client.GetAsync("/image/v2/images")).ReadJsonAsync())["images"]!.AsArray().Select(i => (string)i!["id"]!).ToArray();

    private static async Task ShouldSayAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        await response.ShouldHaveStatusAsync(status);
        Assert.Contains(message, (string)(await response.ReadJsonAsync())["message"]!);
    }

    [Fact]
    public async Task Adding_a_member_answers_200_with_a_pending_member_document()
    {
        var response = await AddAsync(_owner, new { member = "A" });

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var member = await response.ReadJsonAsync();
        Assert.Equal("A", (string)member["member_id"]!);
        Assert.Equal(_id, (string)member["image_id"]!);
        Assert.Equal("pending", (string)member["status"]!);
        Assert.Equal("/v2/schemas/member", (string)member["schema"]!);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string)member["created_at"]!);
        Assert.Equal((string)member["created_at"]!, (string)member["updated_at"]!);
    }

    [Fact]
    public async Task Bad_add_requests_are_400_with_glances_messages()
    {
        await ShouldSayAsync(await AddAsync(_owner, new { }), HttpStatusCode.BadRequest, "Member to be added not specified");
        await ShouldSayAsync(await AddAsync(_owner, new { member = "" }), HttpStatusCode.BadRequest, "Member can't be empty");
        await ShouldSayAsync(await AddAsync(_owner, new { member = (string?)null }), HttpStatusCode.BadRequest, "Member can't be empty");
        await ShouldSayAsync(await _owner.PostJsonTextAsync($"/image/v2/images/{_id}/members", "[\"A\"]"), HttpStatusCode.BadRequest, "JSON object");
        await ShouldSayAsync(await _owner.PostJsonTextAsync($"/image/v2/images/{_id}/members", ""), HttpStatusCode.BadRequest, "Body expected in request.");
        await ShouldSayAsync(await AddAsync(_owner, new { member = 42 }), HttpStatusCode.BadRequest, "project id string");
    }

    [Fact]
    public async Task A_duplicate_is_409_and_the_quota_is_413()
    {
        await (await AddAsync(_owner, new { member = "A" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await ShouldSayAsync(await AddAsync(_owner, new { member = "A" }), HttpStatusCode.Conflict, $"Member A is duplicated for image {_id}");
        await (await AddAsync(_owner, new { member = "B" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await AddAsync(_owner, new { member = "C" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await ShouldSayAsync(await AddAsync(_owner, new { member = "D" }), HttpStatusCode.RequestEntityTooLarge, "Attempted: 4, Maximum: 3");
        var members = (await (await _owner.GetAsync($"/image/v2/images/{_id}/members")).ReadJsonAsync())["members"]!.AsArray();
        Assert.Equal(["A", "B", "C"], members.Select(m => (string)m!["member_id"]!));
    }

    [Fact]
    public async Task Members_only_for_shared_images_and_only_by_the_owner()
    {
        var privateImage = (await _owner.CreateImageAsync(new { name = "p", visibility = "private" })).Id();
        await ShouldSayAsync(await AddAsync(_owner, new { member = "A" }, privateImage), HttpStatusCode.Forbidden, $"Not allowed to create members for image {privateImage}.");
        await ShouldSayAsync(await _owner.GetAsync($"/image/v2/images/{privateImage}/members"), HttpStatusCode.Forbidden, "Only shared images have members.");

        await (await AddAsync(_owner, new { member = "A" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        // A member can see the image but not offer it further; a stranger cannot see it at all.
        await (await AddAsync(_factory.ClientFor("A"), new { member = "B" })).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await AddAsync(_factory.ClientFor("X"), new { member = "B" })).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await AddAsync(_owner, new { member = "B" }, Guid.NewGuid().ToString())).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await AddAsync(_factory.AdminClient(), new { member = "B" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_owner_sees_every_member_and_a_member_only_itself()
    {
        await AddAsync(_owner, new { member = "A" });
        await AddAsync(_owner, new { member = "B" });

        async Task<string[]> MembersAsync(HttpClient client) =>
            (await (await client.GetAsync($"/image/v2/images/{_id}/members")).ReadJsonAsync())["members"]!.AsArray().Select(m => (string)m!["member_id"]!).ToArray();

        Assert.Equal(["A", "B"], await MembersAsync(_owner));
        Assert.Equal(["A"], await MembersAsync(_factory.ClientFor("A")));
        Assert.Equal(["A", "B"], await MembersAsync(_factory.AdminClient()));
        await (await _factory.ClientFor("X").GetAsync($"/image/v2/images/{_id}/members")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var list = await (await _owner.GetAsync($"/image/v2/images/{_id}/members")).ReadJsonAsync();
        Assert.Equal("/v2/schemas/members", (string)list["schema"]!);
    }

    [Fact]
    public async Task Showing_a_member_is_404_for_every_refusal()
    {
        await AddAsync(_owner, new { member = "A" });
        await AddAsync(_owner, new { member = "B" });

        await (await _owner.GetAsync($"/image/v2/images/{_id}/members/A")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await _factory.ClientFor("A").GetAsync($"/image/v2/images/{_id}/members/A")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await ShouldSayAsync(await _factory.ClientFor("A").GetAsync($"/image/v2/images/{_id}/members/B"), HttpStatusCode.NotFound, $"B not found in the member list of the image {_id}.");
        await (await _owner.GetAsync($"/image/v2/images/{_id}/members/Z")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await _factory.ClientFor("X").GetAsync($"/image/v2/images/{_id}/members/A")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);

        await _owner.PatchAsync(_id, """[{"op":"replace","path":"/visibility","value":"private"}]""");
        await (await _owner.GetAsync($"/image/v2/images/{_id}/members/A")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_member_answers_and_may_change_its_mind()
    {
        await AddAsync(_owner, new { member = "A" });
        var a = _factory.ClientFor("A");
        Assert.DoesNotContain(_id, await DefaultListAsync(a));

        var accepted = await AnswerAsync(a, "A", new { status = "accepted" });
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("accepted", (string)(await accepted.ReadJsonAsync())["status"]!);
        Assert.Contains(_id, await DefaultListAsync(a));

        await (await AnswerAsync(a, "A", new { status = "rejected" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(_id, await DefaultListAsync(a));
        // Rejected still means usable: the image can be shown, only the default list leaves it out.
        await (await a.GetAsync($"/image/v2/images/{_id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await AnswerAsync(a, "A", new { status = "accepted" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains(_id, await DefaultListAsync(a));

        await ShouldSayAsync(await AnswerAsync(_owner, "A", new { status = "pending" }), HttpStatusCode.Forbidden, $"Not allowed to update members for image {_id}.");
        await (await AnswerAsync(_factory.AdminClient(), "A", new { status = "pending" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_answers_are_400_and_unknown_members_404()
    {
        await AddAsync(_owner, new { member = "A" });
        var a = _factory.ClientFor("A");

        await ShouldSayAsync(await AnswerAsync(a, "A", new { }), HttpStatusCode.BadRequest, "Status not specified");
        await ShouldSayAsync(await AnswerAsync(a, "A", new { status = "maybe" }), HttpStatusCode.BadRequest, "Invalid status value: maybe");
        await ShouldSayAsync(await AnswerAsync(a, "A", new { status = 1 }), HttpStatusCode.BadRequest, "Invalid status value");
        await (await AnswerAsync(a, "B", new { status = "accepted" })).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await AnswerAsync(_factory.ClientFor("X"), "X", new { status = "accepted" })).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var member = await (await _owner.GetAsync($"/image/v2/images/{_id}/members/A")).ReadJsonAsync();
        Assert.Equal("pending", (string)member["status"]!);
    }

    [Fact]
    public async Task Removing_a_member_revokes_access_and_adding_it_again_starts_a_new_pending_offer()
    {
        await AddAsync(_owner, new { member = "A" });
        var a = _factory.ClientFor("A");
        await AnswerAsync(a, "A", new { status = "accepted" });

        await ShouldSayAsync(await a.DeleteAsync($"/image/v2/images/{_id}/members/A"), HttpStatusCode.Forbidden, $"Not allowed to delete members for image {_id}.");
        await (await _owner.DeleteAsync($"/image/v2/images/{_id}/members/Z")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await _owner.DeleteAsync($"/image/v2/images/{_id}/members/A")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await a.GetAsync($"/image/v2/images/{_id}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);

        var again = await AddAsync(_owner, new { member = "A" });
        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("pending", (string)(await again.ReadJsonAsync())["status"]!);
        await (await a.GetAsync($"/image/v2/images/{_id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Members_of_an_image_that_leaves_shared_are_kept_but_give_no_access_until_it_is_shared_again()
    {
        await AddAsync(_owner, new { member = "A" });
        var a = _factory.ClientFor("A");
        await AnswerAsync(a, "A", new { status = "accepted" });

        await (await _owner.PatchAsync(_id, """[{"op":"replace","path":"/visibility","value":"private"}]""")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await a.GetAsync($"/image/v2/images/{_id}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(_id, await DefaultListAsync(a));
        await (await _owner.DeleteAsync($"/image/v2/images/{_id}/members/A")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);

        await (await _owner.PatchAsync(_id, """[{"op":"replace","path":"/visibility","value":"shared"}]""")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains(_id, await DefaultListAsync(a));
        var member = await (await a.GetAsync($"/image/v2/images/{_id}/members/A")).ReadJsonAsync();
        Assert.Equal("accepted", (string)member["status"]!);
    }

    [Fact]
    public async Task Other_methods_on_members_are_405()
    {
        var response = await _owner.PatchAsync($"/image/v2/images/{_id}/members", new StringContent("{}"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", response.Content.Headers.Allow.Concat(response.Headers.Select(h => string.Join(',', h.Value))));
    }
}
