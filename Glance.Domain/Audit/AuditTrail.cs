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
        db.AuditEvents.Add(new AuditEvent(action, image.Id, image.Name, image.Owner, memberId, subject, before, after, caller.UserId, caller.ProjectId, at));

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

    /// <summary>The most events a page holds.</summary>
    public const int MaxPage = 500;

    /// <summary>The trail of a project: the caller's own, or any project's for an admin.</summary>
    public async Task<AuditPage> ForProjectAsync(CallerContext caller, string projectId, AuditQuery query, CancellationToken ct = default)
    {
        EnsureCanRead(caller, projectId);
        var limit = Math.Clamp(query.Limit, 1, MaxPage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = ProjectTrail(db, projectId);
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
        var page = await events.OrderByDescending(e => e.Id).Take(limit + 1).ToListAsync(ct);
        var read = page.Take(limit).ToList();
        // The next page starts below the last event read, shown or not: hidden ones only make a page shorter.
        return new AuditPage(Readable(caller, read), page.Count > limit ? read[^1].Id : null);
    }

    /// <summary>
    /// The people and images of a project's trail, to filter it by, from the events the caller may
    /// read: an image by the last name the trail recorded for it (never its name now, which the caller
    /// may no longer be allowed to know).
    /// </summary>
    public async Task<AuditChoices> ChoicesAsync(CallerContext caller, string projectId, CancellationToken ct = default)
    {
        EnsureCanRead(caller, projectId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await ProjectTrail(db, projectId)
            .GroupBy(e => new { e.ImageId, e.ActorUserId, e.Action, e.Subject })
            .Select(g => new { g.Key.ImageId, g.Key.ActorUserId, g.Key.Action, g.Key.Subject, LastId = g.Max(e => e.Id) })
            .ToListAsync(ct);
        var scope = protections.ReadScope(caller, rows.Where(r => r.Action == AuditAction.PropertyChanged).Select(r => r.Subject!));
        var readable = rows.Where(r => r.Action != AuditAction.PropertyChanged || scope.CanRead(r.Subject!)).ToList();
        var lastIds = readable.GroupBy(r => r.ImageId).Select(g => g.Max(r => r.LastId)).ToList();
        var names = await db.AuditEvents.AsNoTracking()
            .Where(e => lastIds.Contains(e.Id))
            .Select(e => new { e.ImageId, e.ImageName })
            .ToListAsync(ct);
        return new AuditChoices(
            readable.Select(r => r.ActorUserId).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            names.ToDictionary(n => n.ImageId, n => n.ImageName ?? $"image {n.ImageId[..Math.Min(8, n.ImageId.Length)]}"));
    }

    /// <summary>A project's trail: the changes to the images it owned and the offers made to it.</summary>
    private static IQueryable<AuditEvent> ProjectTrail(GlanceDbContext db, string projectId) =>
        db.AuditEvents.AsNoTracking().Where(e => e.ImageOwner == projectId || e.MemberId == projectId);

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
