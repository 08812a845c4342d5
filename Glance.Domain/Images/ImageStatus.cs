using Glance.Domain.Common;

namespace Glance.Domain.Images;

/// <summary>The lifecycle states of a Glance image (glance/domain/__init__.py, <c>Image.valid_state_targets</c>).</summary>
public enum ImageStatus
{
    Queued,
    Saving,
    Active,
    Killed,
    Deleted,
    Uploading,
    Importing,
    PendingDelete,
    Deactivated,
}

public static class ImageStatusTransitions
{
    private static readonly Dictionary<ImageStatus, ImageStatus[]> s_targets = new()
    {
        [ImageStatus.Queued] = [ImageStatus.Saving, ImageStatus.Uploading, ImageStatus.Importing, ImageStatus.Active, ImageStatus.Deleted],
        [ImageStatus.Saving] = [ImageStatus.Active, ImageStatus.Killed, ImageStatus.Deleted, ImageStatus.Queued],
        [ImageStatus.Uploading] = [ImageStatus.Importing, ImageStatus.Queued, ImageStatus.Deleted],
        [ImageStatus.Importing] = [ImageStatus.Active, ImageStatus.Deleted, ImageStatus.Queued],
        [ImageStatus.Active] = [ImageStatus.PendingDelete, ImageStatus.Deleted, ImageStatus.Deactivated],
        [ImageStatus.Killed] = [ImageStatus.Deleted],
        [ImageStatus.PendingDelete] = [ImageStatus.Deleted, ImageStatus.Active],
        [ImageStatus.Deactivated] = [ImageStatus.Active, ImageStatus.Deleted],
        [ImageStatus.Deleted] = [],
    };

    public static bool IsAllowed(ImageStatus from, ImageStatus to) => s_targets[from].Contains(to);

    public static IReadOnlyList<ImageStatus> TargetsOf(ImageStatus from) => s_targets[from];

    /// <summary>The name Glance uses on the wire and in the database (<c>pending_delete</c>, …).</summary>
    public static string ToWire(this ImageStatus status) => status switch
    {
        ImageStatus.PendingDelete => "pending_delete",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string value, out ImageStatus status) => WireNames.TryParse(value, ToWire, out status);

    internal static void EnsureAllowed(ImageStatus from, ImageStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw new InvalidTransitionException($"Image status transition from {from.ToWire()} to {to.ToWire()} is not allowed");
        }
    }
}
