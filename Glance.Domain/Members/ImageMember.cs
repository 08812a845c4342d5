namespace Glance.Domain.Members;

/// <summary>
/// A project an image is shared with. Rows are soft-deleted and revived on re-add, as Glance does, so
/// the history of an offer survives removal. <see cref="Version"/> changes with every change: two
/// requests changing one membership at once cannot both write from the same starting point.
/// </summary>
public sealed class ImageMember
{
    private ImageMember()
    {
        ImageId = "";
        MemberId = "";
    }

    public ImageMember(string imageId, string memberId, DateTime now)
    {
        ImageId = imageId;
        MemberId = memberId;
        Status = MemberStatus.Pending;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public long Id { get; private set; }

    public string ImageId { get; private set; }

    /// <summary>The member's project id.</summary>
    public string MemberId { get; private set; }

    public MemberStatus Status { get; private set; }

    /// <summary>When the offer was made (or made again after a removal).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>When the offer last changed: added, answered or removed.</summary>
    public DateTime UpdatedAt { get; private set; }

    public bool Deleted { get; private set; }

    public int Version { get; private set; }

    internal void ChangeStatus(MemberStatus status, DateTime now)
    {
        Status = status;
        UpdatedAt = now;
        Version++;
    }

    internal void Remove(DateTime now)
    {
        Deleted = true;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Glance reuses a removed member's record when the member is added again, as a new pending offer.</summary>
    internal void Revive(DateTime now)
    {
        Deleted = false;
        Status = MemberStatus.Pending;
        CreatedAt = now;
        UpdatedAt = now;
        Version++;
    }
}
