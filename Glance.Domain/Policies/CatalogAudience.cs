using System.Linq.Expressions;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;

namespace Glance.Domain.Policies;

/// <summary>
/// Which images a caller may list (glance-v2-reference §4.4), defined once for every query that lists:
/// the API's and the portal's lists, their facet counts and search, the sharing inbox and its counts.
/// A persistence adapter's derived data follows the same definition: its facet counters count exactly
/// the <see cref="IsCandidate"/> rows (the conformance tests compare them with it on every adapter). Its
/// search indexes may hold more rows than that; they only narrow a query whose conditions still come
/// from here, so a row they hold too many is filtered out and none is listed that should not be.
/// </summary>
public static class CatalogAudience
{
    /// <summary>An image any list may show: not deleted and not killed (Glance lists neither).</summary>
    public static readonly Expression<Func<Image, bool>> IsCandidate = i => !i.Deleted && i.Status != ImageStatus.Killed;

    /// <summary>The candidates, hidden ones only when asked for (Glance's <c>os_hidden</c>).</summary>
    public static IQueryable<Image> Candidates(IQueryable<Image> images, bool osHidden) =>
        images.Where(IsCandidate).Where(i => i.OsHidden == osHidden);

    /// <summary>
    /// A shared image offered to <paramref name="project"/> with the given answer (null: any answer): the
    /// inbox, and the part of another project's images a project may list.
    /// </summary>
    public static Expression<Func<Image, bool>> OfferedTo(string? project, MemberStatus? status) =>
        status is { } answer
            ? i => i.Visibility == ImageVisibility.Shared && i.Members.Any(m => m.MemberId == project && !m.Deleted && m.Status == answer)
            // Without the answer in the condition, so that SQLite walks the member index on (MemberId, ImageId).
            : i => i.Visibility == ImageVisibility.Shared && i.Members.Any(m => m.MemberId == project && !m.Deleted);

    /// <summary>
    /// Narrows a query to the images a caller may list, before any filter: public and community images,
    /// the caller's own and those of no owner, and shared images offered to the caller's project with
    /// the asked-for answer. Without a visibility filter other projects' community images are left out.
    /// Admins start from every image.
    /// </summary>
    /// <param name="visibility">Only this visibility; null for the default list or for <c>visibility=all</c>.</param>
    /// <param name="allVisibilities">True for <c>visibility=all</c>: community images of every owner stay in.</param>
    /// <param name="memberStatus">The member status that lists a shared image; null for any.</param>
    public static IQueryable<Image> Listable(IQueryable<Image> images, string? project, bool isAdmin, ImageVisibility? visibility, bool allVisibilities, MemberStatus? memberStatus)
    {
        if (!isAdmin)
        {
            Expression<Func<Image, bool>> ownOrOpen = i => i.Owner == project || i.Owner == null
                || i.Visibility == ImageVisibility.Public || i.Visibility == ImageVisibility.Community;
            images = images.Where(ownOrOpen.Or(OfferedTo(project, memberStatus)));
        }
        if (visibility is not null)
        {
            return images.Where(i => i.Visibility == visibility);
        }
        return allVisibilities ? images : images.Where(i => i.Visibility != ImageVisibility.Community || i.Owner == project);
    }

    /// <summary>
    /// The images <see cref="Listable"/> finds, cut into disjoint parts that each have a narrow way into
    /// the catalog, for counting a whole result (the portal's facets). A part that holds every image of
    /// one visibility, whoever owns it, says so (<see cref="ListablePart.Whole"/>): public images, and
    /// community images where the query lists other projects' ones, for everyone; every visibility for
    /// an admin. The rest of a caller's images are those owned by its project or by nobody (the owner
    /// index) and those other projects shared with it (its member rows). Every part is
    /// <see cref="Listable"/> itself plus a condition that only cuts, so a part never holds an image the
    /// rule would not list.
    /// </summary>
    public static IReadOnlyList<ListablePart> Parts(IQueryable<Image> images, IQueryable<ImageMember> members, string? project, bool isAdmin,
        ImageVisibility? visibility, bool allVisibilities, MemberStatus? memberStatus)
    {
        var listable = Listable(images, project, isAdmin, visibility, allVisibilities, memberStatus);
        var othersCommunity = allVisibilities || visibility == ImageVisibility.Community;
        var wanted = Enum.GetValues<ImageVisibility>().Where(v => visibility is null || visibility == v).ToList();
        if (isAdmin)
        {
            // Without a visibility filter an admin's list, too, keeps only its own project's community images.
            return wanted
                .Select(v => v == ImageVisibility.Community && !othersCommunity
                    ? new ListablePart(listable.Where(i => i.Visibility == v && i.Owner == project), null)
                    : new ListablePart(listable.Where(i => i.Visibility == v), v))
                .ToList();
        }

        var whole = wanted.Where(v => v == ImageVisibility.Public || (v == ImageVisibility.Community && othersCommunity)).ToList();
        var parts = whole.Select(v => new ListablePart(listable.Where(i => i.Visibility == v), v)).ToList();
        if (wanted.Count > whole.Count)
        {
            var rest = othersCommunity
                ? listable.Where(i => i.Visibility != ImageVisibility.Public && i.Visibility != ImageVisibility.Community)
                : listable.Where(i => i.Visibility != ImageVisibility.Public);
            parts.Add(new ListablePart(rest.Where(i => i.Owner == project || i.Owner == null), null));
            // Another project's image that is not open to all reaches the caller only through a member row.
            var sharedIn = members
                .Where(m => m.MemberId == project && !m.Deleted && (memberStatus == null || m.Status == memberStatus))
                .Select(m => m.ImageId);
            parts.Add(new ListablePart(rest.Where(i => i.Owner != project && i.Owner != null && sharedIn.Contains(i.Id)), null));
        }
        return parts;
    }
}

/// <summary>
/// One part of a caller's listable images. <see cref="Whole"/> is set when the part is every listable
/// image (not deleted, not killed, hidden or not as asked) of that visibility, whoever owns it.
/// </summary>
public sealed record ListablePart(IQueryable<Image> Images, ImageVisibility? Whole);
