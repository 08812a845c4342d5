using System.Text.Json.Nodes;
using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Tests.TestInfrastructure;
using System.Data.Common;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.Members;

/// <summary>The audit trail, the consumer's inbox and the owner's outbox, through the domain services.</summary>
public sealed class SharingTrailTests : IAsyncLifetime
{
    private static readonly AuditQuery s_sharing = new() { Kinds = new HashSet<AuditKind> { AuditKind.Sharing } };
    private readonly PortalApiFactory _factory = new();
    private readonly CallerContext _owner = new("alice", "demo-a", ["member", "reader"]);
    private readonly CallerContext _bob = new("bob", "demo-b", ["member", "reader"]);
    private readonly CallerContext _carol = new("carol", "demo-c", ["member", "reader"]);
    private readonly CallerContext _admin = new("root", "admin", ["admin", "member", "reader"]);
    private ImageService _images = null!;
    private MemberService _members = null!;
    private SharingService _sharing = null!;
    private AuditTrail _audit = null!;

    public ValueTask InitializeAsync()
    {
        _factory.CreateClient();
        _images = _factory.Services.GetRequiredService<ImageService>();
        _members = _factory.Services.GetRequiredService<MemberService>();
        _sharing = _factory.Services.GetRequiredService<SharingService>();
        _audit = _factory.Services.GetRequiredService<AuditTrail>();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<string> SharedImageAsync(string name) => (await _images.CreateAsync(_owner, new NewImage { Name = name })).Id;

    private Task SetVisibilityAsync(string id, string visibility) =>
        _images.UpdateAsync(_owner, id, [ImageChange.Replace("visibility", JsonValue.Create(visibility))]);

    [Fact]
    public async Task Every_sharing_change_is_recorded_with_who_when_before_and_after()
    {
        var id = await SharedImageAsync("trail");
        await _members.AddAsync(_owner, id, "demo-b");
        await _members.UpdateStatusAsync(_bob, id, "demo-b", "accepted");
        await _members.UpdateStatusAsync(_bob, id, "demo-b", "rejected");
        await SetVisibilityAsync(id, "private");
        await SetVisibilityAsync(id, "shared");
        await _members.RemoveAsync(_owner, id, "demo-b");

        var trail = (await _audit.ForImageAsync(_owner, id)).Where(IsSharing).Reverse().ToList();

        Assert.Equal(
            [
                (AuditAction.MemberAdded, "demo-b", null, "pending", "alice", "demo-a"),
                (AuditAction.MemberStatusChanged, "demo-b", "pending", "accepted", "bob", "demo-b"),
                (AuditAction.MemberStatusChanged, "demo-b", "accepted", "rejected", "bob", "demo-b"),
                (AuditAction.VisibilityChanged, null, "shared", "private", "alice", "demo-a"),
                (AuditAction.VisibilityChanged, null, "private", "shared", "alice", "demo-a"),
                (AuditAction.MemberRemoved, "demo-b", "rejected", null, "alice", "demo-a"),
            ],
            trail.Select(e => (e.Action, e.MemberId, e.Before, e.After, e.ActorUserId, e.ActorProjectId)));
        Assert.All(trail, e => Assert.Equal("demo-a", e.ImageOwner));
        Assert.True(trail.Zip(trail.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public async Task A_refused_change_records_nothing()
    {
        var id = await SharedImageAsync("refused");
        await _members.AddAsync(_owner, id, "demo-b");

        await Assert.ThrowsAsync<ConflictException>(() => _members.AddAsync(_owner, id, "demo-b"));
        await Assert.ThrowsAsync<ForbiddenException>(() => _members.UpdateStatusAsync(_owner, id, "demo-b", "accepted"));
        await Assert.ThrowsAsync<ValidationException>(() => _members.UpdateStatusAsync(_bob, id, "demo-b", "maybe"));
        // Publicizing is for admins: the whole patch is refused, the trail stays as it was.
        await Assert.ThrowsAsync<ForbiddenException>(() => SetVisibilityAsync(id, "public"));

        Assert.Single(await _audit.ForImageAsync(_owner, id), IsSharing);
    }

    [Fact]
    public async Task A_member_reads_only_its_own_part_of_an_image_trail_and_projects_read_their_own()
    {
        var id = await SharedImageAsync("partial");
        await _members.AddAsync(_owner, id, "demo-b");
        await _members.AddAsync(_owner, id, "demo-c");
        await _members.UpdateStatusAsync(_carol, id, "demo-c", "accepted");

        Assert.Equal(3, (await _audit.ForImageAsync(_owner, id)).Count(IsSharing));
        Assert.Equal(["demo-b"], (await _audit.ForImageAsync(_bob, id)).Select(e => e.MemberId));
        Assert.Equal(3, (await _audit.ForImageAsync(_admin, id)).Count(IsSharing));
        await Assert.ThrowsAsync<NotFoundException>(() => _audit.ForImageAsync(new CallerContext("x", "demo-x", ["member"]), id));

        Assert.Equal(3, (await _audit.ForProjectAsync(_owner, "demo-a", s_sharing)).Events.Count);
        Assert.Equal(2, (await _audit.ForProjectAsync(_carol, "demo-c", s_sharing)).Events.Count);
        await Assert.ThrowsAsync<ForbiddenException>(() => _audit.ForProjectAsync(_bob, "demo-a", s_sharing));
        Assert.Equal(3, (await _audit.ForProjectAsync(_admin, "demo-a", s_sharing)).Events.Count);
    }

    [Fact]
    public async Task The_inbox_lists_offers_by_status_and_the_outbox_every_member_including_dormant_ones()
    {
        var first = await SharedImageAsync("first");
        var second = await SharedImageAsync("second");
        var third = await SharedImageAsync("third");
        await _members.AddAsync(_owner, first, "demo-b");
        await _members.AddAsync(_owner, second, "demo-b");
        await _members.AddAsync(_owner, second, "demo-c");
        await _members.AddAsync(_owner, third, "demo-b");
        await _members.UpdateStatusAsync(_bob, second, "demo-b", "accepted");
        await _members.UpdateStatusAsync(_bob, third, "demo-b", "rejected");
        await SetVisibilityAsync(first, "private");

        Assert.Equal(["second", "third"], (await _sharing.InboxAsync(_bob)).Select(o => o.Image.Name).Order());
        Assert.Equal(["second"], (await _sharing.InboxAsync(_bob, MemberStatus.Accepted)).Select(o => o.Image.Name));
        Assert.Equal(["third"], (await _sharing.InboxAsync(_bob, MemberStatus.Rejected)).Select(o => o.Image.Name));
        Assert.Empty(await _sharing.InboxAsync(_bob, MemberStatus.Pending));
        var counts = await _sharing.InboxCountsAsync(_bob);
        Assert.Equal((0, 1, 1), (counts[MemberStatus.Pending], counts[MemberStatus.Accepted], counts[MemberStatus.Rejected]));

        var outbox = await _sharing.OutboxAsync(_owner);
        Assert.Equal(
            [("first", "demo-b", "pending", true), ("second", "demo-b", "accepted", false), ("second", "demo-c", "pending", false), ("third", "demo-b", "rejected", false)],
            outbox.Select(s => (s.Image.Name, s.Member.MemberId, s.Member.Status.ToWire(), s.Dormant)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _sharing.OutboxAsync(_bob, "demo-a"));
        Assert.Equal(4, (await _sharing.OutboxAsync(_admin, "demo-a")).Count);
    }

    [Fact]
    public async Task Inbox_counts_and_outbox_are_one_query_each()
    {
        var id = await SharedImageAsync("counted");
        await _members.AddAsync(_owner, id, "demo-b");
        var counter = new StatementCounter();
        var options = _factory.Database.Options().AddInterceptors(counter).Options;
        var sharing = new SharingService(new PooledDbContextFactory<GlanceDbContext>(options), _factory.Services.GetRequiredService<ImagePolicy>(),
            _factory.Services.GetRequiredService<Glance.Domain.PropertyProtections.PropertyProtectionEngine>());

        Assert.Single(await sharing.InboxAsync(_bob));
        Assert.Equal(1, counter.TakeCount());
        Assert.Equal(1, (await sharing.InboxCountsAsync(_bob))[MemberStatus.Pending]);
        Assert.Equal(1, counter.TakeCount());
        Assert.Single(await sharing.OutboxAsync(_owner));
        Assert.Equal(1, counter.TakeCount());
    }

    private sealed class StatementCounter : DbCommandInterceptor
    {
        private int _count;

        public int TakeCount() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>The sharing part of an image's trail (which also records its creation and edits).</summary>
    private static bool IsSharing(AuditEvent e) => e.Action.Kind() == AuditKind.Sharing;
}
