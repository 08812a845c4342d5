namespace Glance.Domain.Members;

/// <summary>
/// A project an image is shared with. Rows are soft-deleted and revived on re-add, as Glance does, so
/// the history of an offer survives removal.
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

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool Deleted { get; private set; }

    internal void ChangeStatus(MemberStatus status, DateTime now)
    {
        Status = status;
        UpdatedAt = now;
    }
}
