using System.Text.Json.Nodes;
using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Domain.PropertyProtections;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Domain.Audit;

/// <summary>Every kind of change lands in the trail, and a project's trail filters by kind, image, person and time.</summary>
public sealed class ImageTrailTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);
    private readonly CallerContext _dave = new("dave", "demo-a", ["member", "reader"]);
    private readonly CallerContext _root = new("root", "admin", ["admin", "member", "reader"]);

    private AuditTrail Trail => Service<AuditTrail>();

    private static (string Action, string? Subject, string? Before, string? After) Row(AuditEvent e) => (e.Action.ToWire(), e.Subject, e.Before, e.After);

    [Fact]
    public async Task An_images_whole_life_is_recorded_in_order_with_what_changed()
    {
        var images = Service<ImageService>();
        var image = await images.CreateAsync(_alice, new NewImage { Name = "web", DiskFormat = "raw", ContainerFormat = "bare", Visibility = ImageVisibility.Private, Properties = new Dictionary<string, string?> { ["os_distro"] = "debian" } });
        await Service<ImageDataService>().UploadAsync(_alice, image.Id, new MemoryStream(new byte[1234]), 1234);
        await images.UpdateAsync(_alice, image.Id,
        [
            ImageChange.Replace("name", JsonValue.Create("web base")),
            ImageChange.Replace("min_ram", JsonValue.Create(512)),
            ImageChange.Add("os_version", JsonValue.Create("12")),
            ImageChange.Replace("os_distro", JsonValue.Create("ubuntu")),
            ImageChange.Replace("protected", JsonValue.Create(true)),
        ]);
        await images.AddTagAsync(_alice, image.Id, "web");
        await images.UpdateAsync(_alice, image.Id, [ImageChange.Remove("os_version"), ImageChange.Replace("protected", JsonValue.Create(false))]);
        await images.RemoveTagAsync(_alice, image.Id, "web");
        await images.DeactivateAsync(_alice, image.Id);
        await images.ReactivateAsync(_alice, image.Id);
        await images.UpdateAsync(_alice, image.Id, [ImageChange.Replace("visibility", JsonValue.Create("shared"))]);
        await images.DeleteAsync(_alice, image.Id);

        var page = await Trail.ForProjectAsync(_alice, "demo-a", new AuditQuery());

        Assert.Equal(
            [
                ("image_created", null, null, "private"),
                ("property_changed", "os_distro", null, "debian"),
                ("data_uploaded", null, null, "1234"),
                ("attribute_changed", "name", "web", "web base"),
                ("attribute_changed", "min_ram", "0", "512"),
                ("attribute_changed", "protected", "false", "true"),
                ("property_changed", "os_distro", "debian", "ubuntu"),
                ("property_changed", "os_version", null, "12"),
                ("tag_added", "web", null, null),
                ("attribute_changed", "protected", "true", "false"),
                ("property_changed", "os_version", "12", null),
                ("tag_removed", "web", null, null),
                ("status_changed", null, "active", "deactivated"),
                ("status_changed", null, "deactivated", "active"),
                ("visibility_changed", null, "private", "shared"),
                ("image_deleted", null, "web base", null),
            ],
            page.Events.Reverse().Select(Row));
        Assert.All(page.Events, e => Assert.Equal(("alice", "demo-a", image.Id), (e.ActorUserId, e.ActorProjectId, e.ImageId)));
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task A_refused_change_leaves_no_trail()
    {
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "web" });

        await Assert.ThrowsAsync<ValidationException>(() => Service<ImageService>().UpdateAsync(_alice, image.Id,
            [ImageChange.Replace("name", JsonValue.Create("renamed")), ImageChange.Replace("min_ram", JsonValue.Create(-1))]));
        // Refused while the patch is applied, after the name has changed in memory: a member may not publish.
        await Assert.ThrowsAsync<ForbiddenException>(() => Service<ImageService>().UpdateAsync(_alice, image.Id,
            [ImageChange.Replace("name", JsonValue.Create("renamed")), ImageChange.Replace("visibility", JsonValue.Create("public"))]));

        Assert.Equal(["image_created"], (await Trail.ForImageAsync(_alice, image.Id)).Select(e => e.Action.ToWire()));
    }

    [Fact]
    public async Task Changes_to_a_property_the_caller_may_not_read_are_left_out()
    {
        var image = await Service<ImageService>().CreateAsync(_root, new NewImage { Name = "web", Owner = "demo-a" });
        await Service<ImageService>().UpdateAsync(_root, image.Id, [ImageChange.Add("x_secret", JsonValue.Create("s3cret")), ImageChange.Add("os_distro", JsonValue.Create("debian"))]);
        await Service<PropertyProtectionService>().SaveAsync(_root,
            "[^x_secret$]\ncreate = admin\nread = admin\nupdate = admin\ndelete = admin\n\n[.*]\ncreate = @\nread = @\nupdate = @\ndelete = @\n",
            ProtectionRuleFormat.Roles, "test");

        var forAlice = (await Trail.ForProjectAsync(_alice, "demo-a", new AuditQuery())).Events;
        var forAdmin = await Trail.ForImageAsync(_root, image.Id);

        Assert.DoesNotContain(forAlice, e => e.Subject == "x_secret");
        Assert.Contains(forAlice, e => e.Subject == "os_distro");
        Assert.DoesNotContain(await Trail.ForImageAsync(_alice, image.Id), e => e.Subject == "x_secret");
        Assert.Contains(forAdmin, e => e is { Subject: "x_secret", After: "s3cret" });
    }

    [Fact]
    public async Task A_projects_trail_filters_by_kind_image_person_and_time_and_pages_back()
    {
        var images = Service<ImageService>();
        var web = await images.CreateAsync(_alice, new NewImage { Name = "web" });
        var db = await images.CreateAsync(_dave, new NewImage { Name = "db" });
        await images.AddTagAsync(_dave, web.Id, "prod");
        await Service<MemberService>().AddAsync(_alice, db.Id, "demo-b");

        async Task<string[]> Read(AuditQuery query) =>
            (await Trail.ForProjectAsync(_alice, "demo-a", query)).Events.Select(e => $"{e.Action.ToWire()}:{e.ImageId[..4]}:{e.ActorUserId}").ToArray();
        string Of(Image image) => image.Id[..4];

        Assert.Equal([$"member_added:{Of(db)}:alice"], await Read(new AuditQuery { Kinds = new HashSet<AuditKind> { AuditKind.Sharing } }));
        Assert.Equal([$"tag_added:{Of(web)}:dave", $"image_created:{Of(web)}:alice"], await Read(new AuditQuery { ImageId = web.Id }));
        Assert.Equal([$"tag_added:{Of(web)}:dave", $"image_created:{Of(db)}:dave"], await Read(new AuditQuery { Actor = "dave" }));
        Assert.Equal(
            [$"tag_added:{Of(web)}:dave", $"image_created:{Of(db)}:dave", $"image_created:{Of(web)}:alice"],
            await Read(new AuditQuery { Kinds = new HashSet<AuditKind> { AuditKind.Lifecycle, AuditKind.Edits } }));
        Assert.Empty(await Read(new AuditQuery { Since = DateTime.UtcNow.AddMinutes(1) }));
        Assert.Empty(await Read(new AuditQuery { Until = DateTime.UtcNow.AddMinutes(-1) }));

        var first = await Trail.ForProjectAsync(_alice, "demo-a", new AuditQuery { Limit = 3 });
        Assert.True(first.HasMore);
        var rest = await Trail.ForProjectAsync(_alice, "demo-a", new AuditQuery { Limit = 3, OlderThan = first.Events[^1].Id });
        Assert.False(rest.HasMore);
        Assert.Equal(4, first.Events.Concat(rest.Events).Select(e => e.Id).Distinct().Count());

        var choices = await Trail.ChoicesAsync(_alice, "demo-a");
        Assert.Equal(["alice", "dave"], choices.Actors);
        Assert.Equal(new Dictionary<string, string> { [web.Id] = "web", [db.Id] = "db" }, choices.Images);
        await Assert.ThrowsAsync<ForbiddenException>(() => Trail.ChoicesAsync(_alice, "demo-b"));
    }

    [Fact]
    public async Task Pages_go_on_past_events_the_caller_may_not_read_and_the_page_size_is_kept_in_range()
    {
        var image = await Service<ImageService>().CreateAsync(_root, new NewImage { Name = "web", Owner = "demo-a" });
        for (var n = 0; n < 4; n++)
        {
            await Service<ImageService>().UpdateAsync(_root, image.Id, [ImageChange.Add("x_secret", JsonValue.Create($"v{n}"))]);
        }
        await Service<PropertyProtectionService>().SaveAsync(_root,
            "[^x_secret$]\ncreate = admin\nread = admin\nupdate = admin\ndelete = admin\n\n[.*]\ncreate = @\nread = @\nupdate = @\ndelete = @\n",
            ProtectionRuleFormat.Roles, "test");

        // The newest three are hidden from alice: the page is empty, and the next one holds the rest.
        var hidden = await Trail.ForProjectAsync(_alice, "demo-a", new AuditQuery { Limit = 3 });
        Assert.Empty(hidden.Events);
        Assert.NotNull(hidden.Next);
        var rest = await Trail.ForProjectAsync(_alice, "demo-a", new AuditQuery { Limit = 3, OlderThan = hidden.Next });
        Assert.Equal(["image_created"], rest.Events.Select(e => e.Action.ToWire()));
        Assert.Null(rest.Next);

        Assert.Single((await Trail.ForProjectAsync(_root, "demo-a", new AuditQuery { Limit = 0 })).Events);
        Assert.Equal(5, (await Trail.ForProjectAsync(_root, "demo-a", new AuditQuery { Limit = int.MaxValue })).Events.Count);
        Assert.Equal(["root"], (await Trail.ChoicesAsync(_root, "demo-a")).Actors);
        // Root's only changes alice may read are the image's creation.
        Assert.Equal(["root"], (await Trail.ChoicesAsync(_alice, "demo-a")).Actors);
    }

    [Fact]
    public async Task A_former_member_reads_image_names_as_its_trail_recorded_them_not_as_they_are_now()
    {
        var bob = new CallerContext("bob", "demo-b", ["member", "reader"]);
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "web base", Visibility = ImageVisibility.Shared });
        await Service<MemberService>().AddAsync(_alice, image.Id, "demo-b");
        await Service<MemberService>().RemoveAsync(_alice, image.Id, "demo-b");
        await Service<ImageService>().UpdateAsync(_alice, image.Id, [ImageChange.Replace("name", JsonValue.Create("project falcon (secret)"))]);

        var choices = await Trail.ChoicesAsync(bob, "demo-b");
        var trail = await Trail.ForProjectAsync(bob, "demo-b", new AuditQuery());

        Assert.Equal(new Dictionary<string, string> { [image.Id] = "web base" }, choices.Images);
        Assert.All(trail.Events, e => Assert.Equal("web base", e.ImageName));
        Assert.Equal(["alice"], choices.Actors);
    }
}
