using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Audit;

/// <summary>
/// Who shared what: the recorded visibility and membership changes, per image and per project. The
/// image's owner (and admins) read an image's whole trail; a member project reads the events about its
/// own membership. A project's trail holds the changes to the images it owned and the offers made to it.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<GlanceDbContext> dbFactory, ImagePolicy policy)
{
    /// <summary>Adds an event to the pending changes of <paramref name="db"/>: it is saved with them or not at all.</summary>
    internal static void Record(GlanceDbContext db, CallerContext caller, Image image, AuditAction action,
        string? memberId, string? before, string? after, DateTime at) =>
        db.AuditEvents.Add(new AuditEvent(action, image.Id, image.Owner, memberId, before, after, caller.UserId, caller.ProjectId, at));

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
        return await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);
    }

    /// <summary>The trail of a project: the caller's own, or any project's for an admin.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ForProjectAsync(CallerContext caller, string projectId, int limit = 200, CancellationToken ct = default)
    {
        if (projectId != caller.ProjectId && !policy.IsAdmin(caller))
        {
            throw new ForbiddenException($"You are not allowed to read the activity of project {projectId}.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.ImageOwner == projectId || e.MemberId == projectId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The names of the images a project's trail names (deleted ones too, which the trail outlives),
    /// so that people read names, not ids. Only images the trail relates to the project: ones it owns
    /// or was offered. One query.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ImageNamesAsync(CallerContext caller, string projectId, IEnumerable<AuditEvent> events, CancellationToken ct = default)
    {
        var ids = events.Where(e => e.ImageOwner == projectId || e.MemberId == projectId).Select(e => e.ImageId).Distinct().ToList();
        if (ids.Count == 0 || (projectId != caller.ProjectId && !policy.IsAdmin(caller)))
        {
            return new Dictionary<string, string>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Images.AsNoTracking()
            .Where(i => ids.Contains(i.Id) && i.Name != null)
            .ToDictionaryAsync(i => i.Id, i => i.Name!, ct);
    }
}
