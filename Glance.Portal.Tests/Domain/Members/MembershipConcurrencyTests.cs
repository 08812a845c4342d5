using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Domain.Persistence;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.Members;

/// <summary>Requests racing on one membership leave one consistent row and a trail whose every "before" is what the row held.</summary>
public sealed class MembershipConcurrencyTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new();
    private readonly CallerContext _owner = new("alice", "demo-a", ["member", "reader"]);
    private readonly CallerContext _bob = new("bob", "demo-b", ["member", "reader"]);
    private readonly CallerContext _admin = new("root", "admin", ["admin", "member", "reader"]);
    private ImageService _images = null!;
    private MemberService _members = null!;
    private AuditTrail _audit = null!;

    public ValueTask InitializeAsync()
    {
        _factory.CreateClient();
        _images = _factory.Services.GetRequiredService<ImageService>();
        _members = _factory.Services.GetRequiredService<MemberService>();
        _audit = _factory.Services.GetRequiredService<AuditTrail>();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task A_write_from_a_stale_read_is_refused_by_the_version()
    {
        var id = (await _images.CreateAsync(_owner, new NewImage { Name = "stale" })).Id;
        await _members.AddAsync(_owner, id, "demo-b");
        var factory = _factory.Services.GetRequiredService<IDbContextFactory<GlanceDbContext>>();
        await using var first = await factory.CreateDbContextAsync();
        await using var second = await factory.CreateDbContextAsync();
        var early = await first.ImageMembers.SingleAsync(m => m.ImageId == id);
        var late = await second.ImageMembers.SingleAsync(m => m.ImageId == id);

        early.ChangeStatus(MemberStatus.Accepted, DateTime.UtcNow);
        await first.SaveChangesAsync();
        late.ChangeStatus(MemberStatus.Rejected, DateTime.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Racing_answers_leave_a_trail_that_chains_to_the_final_status()
    {
        var id = (await _images.CreateAsync(_owner, new NewImage { Name = "race" })).Id;
        await _members.AddAsync(_owner, id, "demo-b");

        for (var round = 0; round < 15; round++)
        {
            var answers = await Task.WhenAll(
                Attempt(() => _members.UpdateStatusAsync(_bob, id, "demo-b", "accepted")),
                Attempt(() => _members.UpdateStatusAsync(_admin, id, "demo-b", "rejected")),
                Attempt(() => _members.UpdateStatusAsync(_bob, id, "demo-b", "pending")));
            Assert.All(answers, error => Assert.True(error is null or ConflictException, error?.ToString()));
        }

        var trail = (await _audit.ForImageAsync(_owner, id)).Where(IsSharing).Reverse().ToList();
        var member = await _members.GetAsync(_owner, id, "demo-b");
        Assert.Equal(AuditAction.MemberAdded, trail[0].Action);
        foreach (var (before, after) in trail.Zip(trail.Skip(1)))
        {
            Assert.Equal(before.After, after.Before);
            Assert.NotEqual(after.Before, after.After);
        }
        Assert.Equal(member.Status.ToWire(), trail[^1].After);
    }

    [Fact]
    public async Task Racing_adds_of_one_member_leave_one_row_and_one_event()
    {
        var id = (await _images.CreateAsync(_owner, new NewImage { Name = "double" })).Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Attempt(() => _members.AddAsync(_owner, id, "demo-b"))));

        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.IsType<ConflictException>(r));
        await _factory.WithDatabaseAsync(async db =>
            Assert.Equal(1, await db.ImageMembers.CountAsync(m => m.ImageId == id)));
        Assert.Single(await _audit.ForImageAsync(_owner, id), IsSharing);
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        await Task.Yield();
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>The sharing part of an image's trail (which also records its creation and edits).</summary>
    private static bool IsSharing(AuditEvent e) => e.Action.Kind() == AuditKind.Sharing;
}
