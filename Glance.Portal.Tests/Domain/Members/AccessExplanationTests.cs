using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.Members;

/// <summary>The plain-language "who can use this image", pinned case by case.</summary>
public sealed class AccessExplanationTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new();
    private readonly CallerContext _owner = new("u-a", "demo-a", ["member", "reader"]);
    private readonly CallerContext _admin = new("root", "admin", ["admin", "member", "reader"]);
    private ImageService _images = null!;
    private MemberService _members = null!;
    private SharingService _sharing = null!;

    public async ValueTask InitializeAsync()
    {
        _factory.CreateClient();
        _images = _factory.Services.GetRequiredService<ImageService>();
        _members = _factory.Services.GetRequiredService<MemberService>();
        _sharing = _factory.Services.GetRequiredService<SharingService>();
        await Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static CallerContext Project(string project) => new($"u-{project}", project, ["member", "reader"]);

    private async Task<string> ImageAsync(string visibility, params (string Member, string Answer)[] members)
    {
        var image = await _images.CreateAsync(_owner, new NewImage { Name = visibility });
        foreach (var (member, answer) in members)
        {
            await _members.AddAsync(_owner, image.Id, member);
            if (answer != "pending")
            {
                await _members.UpdateStatusAsync(Project(member), image.Id, member, answer);
            }
        }
        if (visibility != "shared")
        {
            var changer = visibility == "public" ? _admin : _owner;
            await _images.UpdateAsync(changer, image.Id, [ImageChange.Replace("visibility", System.Text.Json.Nodes.JsonValue.Create(visibility))]);
        }
        return image.Id;
    }

    [Fact]
    public async Task Private_names_the_only_project()
    {
        var id = await ImageAsync("private");

        var explanation = await _sharing.ExplainAsync(_owner, id);

        Assert.Equal("private: only project demo-a", explanation.Audience);
        Assert.Equal("Your project owns this image.", explanation.ForYou);
    }

    [Fact]
    public async Task Shared_counts_the_members_by_answer_for_the_owner()
    {
        var id = await ImageAsync("shared", ("demo-b", "accepted"), ("demo-c", "accepted"), ("demo-d", "pending"));

        var explanation = await _sharing.ExplainAsync(_owner, id);

        Assert.Equal("shared with 3 projects (2 accepted, 1 pending)", explanation.Audience);
        Assert.Equal((2, 1, 0), (explanation.Accepted, explanation.Pending, explanation.Rejected));
    }

    [Fact]
    public async Task Shared_without_members_says_only_the_owner_can_use_it()
    {
        var id = await ImageAsync("shared");

        Assert.Equal("shared, but with no members: only the owner can use it", (await _sharing.ExplainAsync(_owner, id)).Audience);
    }

    [Fact]
    public async Task Community_and_public_say_who_finds_them()
    {
        var community = await ImageAsync("community");
        var publicImage = await ImageAsync("public");

        var forStranger = await _sharing.ExplainAsync(Project("demo-z"), community);
        Assert.Equal("community: any project can find it by asking for community images, it is not in default lists", forStranger.Audience);
        Assert.Equal("It is not in your image list; ask for community images to find it.", forStranger.ForYou);
        var forEveryone = await _sharing.ExplainAsync(Project("demo-z"), publicImage);
        Assert.Equal("public: everyone", forEveryone.Audience);
        Assert.Equal("It is in your image list.", forEveryone.ForYou);
    }

    [Theory]
    [InlineData("pending", "It has been offered to your project: accept it to see it in your image list. You can use it either way.")]
    [InlineData("accepted", "Your project accepted it: it is in your image list.")]
    [InlineData("rejected", "Your project rejected it: it is not in your image list, but you can still use it, and accept it later.")]
    public async Task A_member_hears_about_its_own_answer_and_nothing_about_other_members(string answer, string forYou)
    {
        var id = await ImageAsync("shared", ("demo-b", answer), ("demo-c", "accepted"));

        var explanation = await _sharing.ExplainAsync(Project("demo-b"), id);

        Assert.Equal(forYou, explanation.ForYou);
        Assert.Equal("shared: project demo-a offers it to the projects it chooses", explanation.Audience);
        Assert.Equal((0, 0, 0), (explanation.Accepted, explanation.Pending, explanation.Rejected));
    }

    [Fact]
    public async Task Dormant_members_are_mentioned_to_the_owner_and_the_admin_sees_counts()
    {
        var id = await ImageAsync("private", ("demo-b", "accepted"), ("demo-c", "rejected"));

        Assert.Equal("private: only project demo-a; 2 projects keep their membership but have no access until it is shared again",
            (await _sharing.ExplainAsync(_owner, id)).Audience);
        var forAdmin = await _sharing.ExplainAsync(_admin, id);
        Assert.Equal("You are an admin: you can see and change it whatever its visibility.", forAdmin.ForYou);
        await Assert.ThrowsAsync<NotFoundException>(() => _sharing.ExplainAsync(Project("demo-b"), id));
    }
}
