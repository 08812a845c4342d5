namespace Glance.Domain.Policies;

/// <summary>The actions a caller may take on one image right now (see <see cref="ImagePolicy.PermissionsFor"/>).</summary>
public sealed record ImagePermissions(
    bool Edit,
    bool MakePublic,
    bool MakeCommunity,
    bool Delete,
    bool Deactivate,
    bool Reactivate,
    bool Upload,
    bool Download,
    bool ManageMembers)
{
    /// <summary>Why the caller may not change the image, in plain words; null when it may.</summary>
    public string? ReadOnlyReason { get; init; }

    /// <summary>Why Delete is not offered although the caller could delete the image otherwise.</summary>
    public string? DeleteBlocked { get; init; }

    /// <summary>Why Download is not offered although the caller could download the image otherwise.</summary>
    public string? DownloadBlocked { get; init; }

    /// <summary>The caller may remove the data's copy from one store (<c>delete_image_location</c>), and there is more than one.</summary>
    public bool RemoveStoreCopy { get; init; }

    public static readonly ImagePermissions None = new(false, false, false, false, false, false, false, false, false);
}
