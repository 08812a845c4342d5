using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Glance.Domain.PropertyProtections;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Audit;

/// <summary>
/// Every recorded change to images, per image and per project: sharing (visibility and members), the
/// image's life (created, data stored, deactivated, deleted) and edits (attributes, properties, tags).
/// The image's owner (and admins) read an image's whole trail; a member project reads the events about
/// its own membership. A project's trail holds the changes to the images it owned and the offers made
/// to it. A property the caller may not read is left out of every trail, as it is out of every list.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<GlanceDbContext> dbFactory, ImagePolicy policy, PropertyProtectionEngine protections)
{
    /// <summary>Adds an event to the pending changes of <paramref name="db"/>: it is saved with them or not at all.</summary>
    internal static void Record(GlanceDbContext db, CallerContext caller, Image image, AuditAction action,
        string? memberId, string? before, string? after, DateTime at, string? subject = null) =>
        db.AuditEvents.Add(new AuditEvent(action, image.Id, image.Owner, memberId, subject, before, after, caller.UserId, caller.ProjectId, at));

    public async Task<IReadOnlyList<AuditEvent>> ForImageAsync(CallerContext caller, string imageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await ImageService.LoadAsync(db, caller, imageId, tracked: false, ct);
        policy.EnsureCanRead(caller, image);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.ImageId == imageId);
        if (!policy.IsAdmin(caller) && image.Owner != caller.ProjectId)
        {
            var project = caller.ProjectId;
            events = events.Where(e => e.MemberId == project);
        }
        return Readable(caller, await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct));
    }

    /// <summary>The trail of a project: the caller's own, or any project's for an admin.</summary>
    public async Task<AuditPage> ForProjectAsync(CallerContext caller, string projectId, AuditQuery query, CancellationToken ct = default)
    {
        EnsureCanRead(caller, projectId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.ImageOwner == projectId || e.MemberId == projectId);
        if (query.Kinds.Count > 0)
        {
            var actions = Enum.GetValues<AuditAction>().Where(a => query.Kinds.Contains(a.Kind())).ToList();
            events = events.Where(e => actions.Contains(e.Action));
        }
        if (query.ImageId is { } imageId)
        {
            events = events.Where(e => e.ImageId == imageId);
        }
        if (query.Actor is { } actor)
        {
            events = events.Where(e => e.ActorUserId == actor);
        }
        if (query.Since is { } since)
        {
            events = events.Where(e => e.At >= since);
        }
        if (query.Until is { } until)
        {
            events = events.Where(e => e.At < until);
        }
        if (query.OlderThan is { } olderThan)
        {
            // Ids grow with time (one writer at a time), so the id alone is the page's keyset.
            events = events.Where(e => e.Id < olderThan);
        }
        var page = await events.OrderByDescending(e => e.Id).Take(query.Limit + 1).ToListAsync(ct);
        var hasMore = page.Count > query.Limit;
        return new AuditPage(Readable(caller, page.Take(query.Limit)), hasMore);
    }

    /// <summary>The people and images of a project's trail, to filter it by.</summary>
    public async Task<AuditChoices> ChoicesAsync(CallerContext caller, string projectId, CancellationToken ct = default)
    {
        EnsureCanRead(caller, projectId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.ImageOwner == projectId || e.MemberId == projectId);
        var actors = await events.Where(e => e.ActorUserId != null).Select(e => e.ActorUserId!).Distinct().OrderBy(a => a).ToListAsync(ct);
        var images = await db.Images.AsNoTracking()
            .Where(i => events.Select(e => e.ImageId).Contains(i.Id))
            .Select(i => new { i.Id, i.Name })
            .ToListAsync(ct);
        return new AuditChoices(actors, images.ToDictionary(i => i.Id, i => i.Name ?? i.Id));
    }

    private void EnsureCanRead(CallerContext caller, string projectId)
    {
        if (projectId != caller.ProjectId && !policy.IsAdmin(caller))
        {
            throw new ForbiddenException($"You are not allowed to read the activity of project {projectId}.");
        }
    }

    /// <summary>Leaves out changes to properties the caller may not read: their names and values stay hidden.</summary>
    private IReadOnlyList<AuditEvent> Readable(CallerContext caller, IEnumerable<AuditEvent> events)
    {
        var list = events.ToList();
        var scope = protections.ReadScope(caller, list.Where(e => e.Action == AuditAction.PropertyChanged).Select(e => e.Subject!));
        return scope.HidesAny ? list.Where(e => e.Action != AuditAction.PropertyChanged || scope.CanRead(e.Subject!)).ToList() : list;
    }
}
