using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;

namespace Glance.Domain.Policies;

/// <summary>
/// Who may do what to an image: each operation asks the policy engine for its named Glance rule with
/// the image as the target. An operation on an image the caller may not see (<c>get_image</c>) is
/// reported as not found, as Glance does; a refusal on a visible image is 403.
/// </summary>
public sealed class ImagePolicy(PolicyEngine engine)
{
    public bool IsAdmin(CallerContext caller) => engine.IsAdmin(caller);

    /// <summary>Read access (show, and the image's eligibility for download and members).</summary>
    public bool CanRead(CallerContext caller, Image image) =>
        // Images without an owner are visible to everyone (legacy Glance data).
        image.Owner is null || engine.IsAllowed("get_image", caller, Target(caller, image));

    public void EnsureCanRead(CallerContext caller, Image image)
    {
        if (!CanRead(caller, image))
        {
            throw NotFound(image.Id);
        }
    }

    /// <summary>A write rule on an existing image: <c>modify_image</c>, <c>delete_image</c>, <c>upload_image</c>, <c>deactivate</c>, …</summary>
    public void EnsureCanModify(CallerContext caller, Image image, string rule = "modify_image")
    {
        EnsureCanRead(caller, image);
        engine.Enforce(rule, caller, Target(caller, image));
    }

    /// <summary><c>get_image_location</c>: whether the caller may know where the image's data lives (its stores).</summary>
    public bool CanSeeLocations(CallerContext caller, Image image) =>
        CanRead(caller, image) && engine.IsAllowed("get_image_location", caller, Target(caller, image));

    /// <summary>
    /// Removing one store's copy, as Glance's <c>delete_from_store</c> asks: <c>get_image_location</c>,
    /// then <c>delete_image_location</c>; under the legacy defaults only the owner (or an admin) too.
    /// </summary>
    public void EnsureCanRemoveStoreCopy(CallerContext caller, Image image)
    {
        EnsureCanModify(caller, image, "get_image_location");
        engine.Enforce("delete_image_location", caller, Target(caller, image));
        if (!engine.RuleSet.SecureRbac && !IsAdmin(caller) && (image.Owner is null || caller.ProjectId is null || image.Owner != caller.ProjectId))
        {
            throw new ForbiddenException("You do not own this image", "delete_image_location");
        }
    }

    private bool CanRemoveStoreCopy(CallerContext caller, Image image)
    {
        try
        {
            EnsureCanRemoveStoreCopy(caller, image);
            return true;
        }
        catch (GlanceException)
        {
            return false;
        }
    }

    /// <summary><c>stores_info_detail</c>: each store's type and settings.</summary>
    public void EnsureCanSeeStoreDetails(CallerContext caller) =>
        engine.Enforce("stores_info_detail", caller, new Dictionary<string, string?> { ["project_id"] = caller.ProjectId });

    public void EnsureCanList(CallerContext caller) =>
        engine.Enforce("get_images", caller, new Dictionary<string, string?> { ["project_id"] = caller.ProjectId, ["owner"] = caller.ProjectId });

    /// <summary><c>add_image</c>, with the owner the new image would have as the target.</summary>
    public bool CanCreate(CallerContext caller, string? owner) =>
        engine.IsAllowed("add_image", caller, new Dictionary<string, string?> { ["project_id"] = owner, ["owner"] = owner });

    /// <inheritdoc cref="CanCreate"/>
    public void EnsureCanCreate(CallerContext caller, string? owner)
    {
        if (!CanCreate(caller, owner))
        {
            throw new ForbiddenException(owner is null || owner == caller.ProjectId
                ? "You are not authorized to complete add_image action."
                : $"You are not permitted to create images owned by '{owner}'.", "add_image");
        }
    }

    /// <summary><c>publicize_image</c> for public, <c>communitize_image</c> for community; other values need nothing more.</summary>
    public void EnsureCanSetVisibility(CallerContext caller, ImageVisibility visibility, string? owner)
    {
        var rule = visibility switch
        {
            ImageVisibility.Public => "publicize_image",
            ImageVisibility.Community => "communitize_image",
            _ => null,
        };
        if (rule is not null)
        {
            engine.Enforce(rule, caller, new Dictionary<string, string?> { ["project_id"] = owner, ["owner"] = owner, ["visibility"] = visibility.ToWire() });
        }
    }

    /// <summary>Glance hard-codes this one to admins (glance/api/v2/images.py).</summary>
    public void EnsureCanChangeOwner(CallerContext caller)
    {
        if (!IsAdmin(caller))
        {
            throw new ForbiddenException("Owner can't be updated by non admin.");
        }
    }

    /// <summary><c>download_image</c>, and never a deactivated image unless the caller is an admin.</summary>
    public void EnsureCanDownload(CallerContext caller, Image image)
    {
        EnsureCanRead(caller, image);
        if (image.Status == ImageStatus.Deactivated && !IsAdmin(caller))
        {
            throw new ForbiddenException("The requested image has been deactivated. Image data download is forbidden.");
        }
        engine.Enforce("download_image", caller, Target(caller, image));
    }

    /// <summary>
    /// What the caller may do to an image, for a user interface to offer only those actions. Each
    /// answer is the rule the domain enforces when the action is taken, and the image's state.
    /// </summary>
    public ImagePermissions PermissionsFor(CallerContext caller, Image image)
    {
        if (!CanRead(caller, image))
        {
            return ImagePermissions.None;
        }
        var target = Target(caller, image);
        bool Allowed(string rule) => engine.IsAllowed(rule, caller, target);
        bool MaySet(ImageVisibility visibility, string rule) =>
            engine.IsAllowed(rule, caller, new Dictionary<string, string?> { ["project_id"] = image.Owner, ["owner"] = image.Owner, ["visibility"] = visibility.ToWire() });
        var modify = Allowed("modify_image");
        var delete = Allowed("delete_image");
        var download = Allowed("download_image");
        var deactivatedForCaller = image.Status == ImageStatus.Deactivated && !IsAdmin(caller);
        return new ImagePermissions(
            Edit: modify,
            MakePublic: modify && MaySet(ImageVisibility.Public, "publicize_image"),
            MakeCommunity: modify && MaySet(ImageVisibility.Community, "communitize_image"),
            Delete: delete && !image.Protected,
            Deactivate: Allowed("deactivate") && image.Status == ImageStatus.Active,
            Reactivate: Allowed("reactivate") && image.Status == ImageStatus.Deactivated,
            Upload: Allowed("upload_image") && image.Status == ImageStatus.Queued,
            Download: download && image.HasData && !deactivatedForCaller,
            ManageMembers: image.Visibility == ImageVisibility.Shared && CanManageMembers(caller, image, "add_member"))
        {
            ReadOnlyReason = modify ? null : ReadOnlyReason(caller, image),
            DeleteBlocked = delete && image.Protected ? "The image is protected: unprotect it before deleting it." : null,
            // Glance refuses the data of a deactivated image to everyone but admins.
            DownloadBlocked = download && image.HasData && deactivatedForCaller
                ? "The image is deactivated: its data cannot be downloaded until it is reactivated." : null,
            RemoveStoreCopy = image.Status == ImageStatus.Active && image.Stores.Count > 1 && CanRemoveStoreCopy(caller, image),
        };
    }

    /// <summary>
    /// The real reason an image is read-only for the caller: another project owns it, or the caller's
    /// role in the owning project is not one that may change images (a reader, under the persona rules).
    /// </summary>
    private string ReadOnlyReason(CallerContext caller, Image image)
    {
        if (image.Owner != caller.ProjectId)
        {
            return image.Owner is null
                ? "No project owns this image, so only an admin may change it."
                : $"Project {image.Owner} owns this image, so only that project or an admin may change it.";
        }
        return $"Your role in project {caller.ProjectId} lets you read this image but not change it (the modify_image rule); a member of the project can.";
    }

    /// <summary>
    /// Whether the caller may see a member record (<c>get_member</c>, with the record's project as
    /// <c>member_id</c>): the owner and admins see every member, a member project only itself.
    /// </summary>
    public bool CanSeeMember(CallerContext caller, Image image, ImageMember member) =>
        engine.IsAllowed("get_member", caller, MemberTarget(image, member.MemberId));

    /// <summary><c>add_member</c> or <c>delete_member</c>: the owner's or an admin's.</summary>
    public bool CanManageMembers(CallerContext caller, Image image, string rule) =>
        engine.IsAllowed(rule, caller, MemberTarget(image, null));

    /// <summary><c>modify_member</c>: only the member project itself (or an admin) answers an offer; never the owner.</summary>
    public bool CanAnswer(CallerContext caller, Image image, ImageMember member) =>
        engine.IsAllowed("modify_member", caller, MemberTarget(image, member.MemberId));

    private static Dictionary<string, string?> MemberTarget(Image image, string? memberId) => new()
    {
        ["id"] = image.Id,
        ["project_id"] = image.Owner,
        ["owner"] = image.Owner,
        ["member_id"] = memberId,
        ["visibility"] = image.Visibility.ToWire(),
    };

    /// <summary>
    /// Glance's image target: <c>project_id</c> and <c>owner</c> are the image's owner; <c>member_id</c>
    /// is the caller's project when that project is a member of this shared image.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Target(CallerContext caller, Image image)
    {
        var isMember = image.Visibility == ImageVisibility.Shared
            && image.Members.Any(m => !m.Deleted && m.MemberId == caller.ProjectId);
        return new Dictionary<string, string?>
        {
            ["id"] = image.Id,
            ["project_id"] = image.Owner,
            ["owner"] = image.Owner,
            ["member_id"] = isMember ? caller.ProjectId : null,
            ["visibility"] = image.Visibility.ToWire(),
            ["protected"] = image.Protected ? "True" : "False",
        };
    }

    internal static NotFoundException NotFound(string id) => new($"No image found with ID {id}");
}
