using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;

namespace Glance.Domain.Policies;

/// <summary>
/// Who may do what to an image, as Glance Zed decides it with its default (legacy) policies: reads
/// follow visibility and membership, writes belong to the owner or an admin, and only admins
/// publicize. An image the caller cannot read is reported as not found.
/// </summary>
public sealed class ImagePolicy
{
    /// <summary>Read access (show, download eligibility): Glance's visibility rule for one image.</summary>
    public bool CanRead(CallerContext caller, Image image) =>
        caller.IsAdmin
        || image.Owner is null
        || image.Owner == caller.ProjectId
        || image.Visibility is ImageVisibility.Public or ImageVisibility.Community
        || (image.Visibility == ImageVisibility.Shared && image.Members.Any(m => !m.Deleted && m.MemberId == caller.ProjectId));

    public void EnsureCanRead(CallerContext caller, Image image)
    {
        if (!CanRead(caller, image))
        {
            throw NotFound(image.Id);
        }
    }

    /// <summary>Glance's <c>modify_image</c> (and upload, delete, tags, deactivate): owner or admin.</summary>
    public void EnsureCanModify(CallerContext caller, Image image, string action = "modify_image")
    {
        EnsureCanRead(caller, image);
        if (!caller.IsAdmin && (image.Owner is null || image.Owner != caller.ProjectId))
        {
            throw new ForbiddenException($"You are not authorized to complete {action} action.");
        }
    }

    public void EnsureCanCreate(CallerContext caller, string? owner)
    {
        if (caller.ProjectId is null && !caller.IsAdmin)
        {
            throw new ForbiddenException("You are not authorized to complete add_image action without a project.");
        }
        if (!caller.IsAdmin && owner != caller.ProjectId)
        {
            throw new ForbiddenException($"You are not permitted to create images owned by '{owner}'.");
        }
    }

    /// <summary><c>publicize_image</c> is admin-only; <c>communitize_image</c> falls to whoever may modify the image.</summary>
    public void EnsureCanSetVisibility(CallerContext caller, ImageVisibility visibility)
    {
        if (visibility == ImageVisibility.Public && !caller.IsAdmin)
        {
            throw new ForbiddenException("You are not authorized to complete publicize_image action.");
        }
    }

    public void EnsureCanChangeOwner(CallerContext caller)
    {
        if (!caller.IsAdmin)
        {
            throw new ForbiddenException("Owner can't be updated by non admin.");
        }
    }

    /// <summary>Download: readable, and not deactivated unless the caller is an admin.</summary>
    public void EnsureCanDownload(CallerContext caller, Image image)
    {
        EnsureCanRead(caller, image);
        if (image.Status == ImageStatus.Deactivated && !caller.IsAdmin)
        {
            throw new ForbiddenException("The requested image has been deactivated. Image data download is forbidden.");
        }
    }

    /// <summary>
    /// Narrows a query to the images a caller may list, before any filter (glance-v2-reference §4.4):
    /// public and community images, the caller's own, and shared images the caller's project is a
    /// member of with the asked-for status (null: any status). Without a visibility filter other
    /// projects' community images are left out. Admins start from every image.
    /// </summary>
    /// <param name="visibility">Only this visibility; null for the default list or for <c>visibility=all</c>.</param>
    /// <param name="allVisibilities">True for <c>visibility=all</c>: community images of every owner stay in.</param>
    /// <param name="memberStatus">The member status that lists a shared image; null for any.</param>
    public IQueryable<Image> Listable(IQueryable<Image> images, CallerContext caller, ImageVisibility? visibility, bool allVisibilities, MemberStatus? memberStatus)
    {
        var project = caller.ProjectId;
        if (!caller.IsAdmin)
        {
            images = memberStatus is { } status
                ? images.Where(i => i.Owner == project || i.Owner == null
                    || i.Visibility == ImageVisibility.Public || i.Visibility == ImageVisibility.Community
                    || (i.Visibility == ImageVisibility.Shared && i.Members.Any(m => m.MemberId == project && !m.Deleted && m.Status == status)))
                : images.Where(i => i.Owner == project || i.Owner == null
                    || i.Visibility == ImageVisibility.Public || i.Visibility == ImageVisibility.Community
                    || (i.Visibility == ImageVisibility.Shared && i.Members.Any(m => m.MemberId == project && !m.Deleted)));
        }
        if (visibility is not null)
        {
            return images.Where(i => i.Visibility == visibility);
        }
        return allVisibilities ? images : images.Where(i => i.Visibility != ImageVisibility.Community || i.Owner == project);
    }

    internal static NotFoundException NotFound(string id) => new($"No image found with ID {id}");
}
