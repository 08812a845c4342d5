using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Glance.Domain.PropertyProtections;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Members;

/// <summary>
/// An offer made to the caller's project: the image with the project's member record, and whether the
/// caller may answer it (<c>modify_member</c>: a reader of the project sees offers but may not answer).
/// </summary>
public sealed record SharedOffer(Image Image, ImageMember Member, bool CanAnswer);

/// <summary>One member of one image the project owns; dormant while the image is not shared.</summary>
public sealed record OutgoingShare(Image Image, ImageMember Member)
{
    public bool Dormant => Image.Visibility != ImageVisibility.Shared;
}

/// <summary>
/// The views of sharing that Glance has no call for: the consumer's inbox (offers to my project, by
/// status), the owner's outbox (everything my project shares, with whom, in which status, since
/// when), and the plain-language answer to "who can use this image".
/// </summary>
public sealed class SharingService(IDbContextFactory<GlanceDbContext> dbFactory, ImagePolicy policy, PropertyProtectionEngine protections)
{
    /// <summary>Offers to the caller's project on shared images, newest answer first; null status for all. One query.</summary>
    public async Task<IReadOnlyList<SharedOffer>> InboxAsync(CallerContext caller, MemberStatus? status = null, CancellationToken ct = default)
    {
        var project = caller.ProjectId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var images = await db.Images.AsNoTracking()
            .Where(CatalogAudience.IsCandidate)
            .Where(CatalogAudience.OfferedTo(project, status))
            .Include(i => i.Members.Where(m => m.MemberId == project && !m.Deleted))
            .Include(i => i.Properties)
            .Include(i => i.Tags)
            .AsSingleQuery()
            .ToListAsync(ct);
        return images
            .Select(i => new SharedOffer(protections.HideUnreadable(caller, i), i.Members.Single(), policy.CanAnswer(caller, i, i.Members.Single())))
            .OrderByDescending(o => o.Member.UpdatedAt).ThenBy(o => o.Image.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How many offers to the caller's project are in each status. One query.</summary>
    public async Task<IReadOnlyDictionary<MemberStatus, int>> InboxCountsAsync(CallerContext caller, CancellationToken ct = default)
    {
        var project = caller.ProjectId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await (
            from m in db.ImageMembers
            join i in db.Images.Where(CatalogAudience.IsCandidate) on m.ImageId equals i.Id
            where m.MemberId == project && !m.Deleted && i.Visibility == ImageVisibility.Shared
            group m by m.Status into g
            select new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<MemberStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>
    /// Every member of every image a project owns, with its status and since when, including the
    /// dormant members of images that are no longer shared. The caller's own project, or any project
    /// for an admin. One query.
    /// </summary>
    public async Task<IReadOnlyList<OutgoingShare>> OutboxAsync(CallerContext caller, string? projectId = null, CancellationToken ct = default)
    {
        var project = projectId ?? caller.ProjectId;
        if (project != caller.ProjectId && !policy.IsAdmin(caller))
        {
            throw new ForbiddenException($"You are not allowed to read what project {project} shares.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var images = await db.Images.AsNoTracking()
            .Where(i => i.Owner == project && !i.Deleted && i.Members.Any(m => !m.Deleted))
            .Include(i => i.Members.Where(m => !m.Deleted))
            .Include(i => i.Properties)
            .AsSingleQuery()
            .ToListAsync(ct);
        return images
            .SelectMany(i => i.Members.Select(m => new OutgoingShare(protections.HideUnreadable(caller, i), m)))
            .OrderBy(s => s.Image.Name ?? "", StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Image.Id, StringComparer.Ordinal)
            .ThenBy(s => s.Member.MemberId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Who can use an image, in plain words, for a caller who can see it.</summary>
    public async Task<AccessExplanation> ExplainAsync(CallerContext caller, string imageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await ImageService.LoadAsync(db, caller, imageId, tracked: false, ct);
        policy.EnsureCanRead(caller, image);
        return AccessExplanation.For(image, caller.ProjectId, policy.IsAdmin(caller));
    }
}
