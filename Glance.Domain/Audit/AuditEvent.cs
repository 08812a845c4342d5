namespace Glance.Domain.Audit;

/// <summary>What an audit event records.</summary>
public enum AuditAction
{
    VisibilityChanged,
    MemberAdded,
    MemberRemoved,
    MemberStatusChanged,
}

/// <summary>
/// One change to who may use an image: who made it (user and project), when, on which image (and its
/// owner at the time), which member it concerns, and the value before and after. Written in the same
/// transaction as the change itself, so the trail and the data cannot disagree.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        ImageId = "";
    }

    internal AuditEvent(AuditAction action, string imageId, string? imageOwner, string? memberId,
        string? before, string? after, string? actorUserId, string? actorProjectId, DateTime at)
    {
        Action = action;
        ImageId = imageId;
        ImageOwner = imageOwner;
        MemberId = memberId;
        Before = before;
        After = after;
        ActorUserId = actorUserId;
        ActorProjectId = actorProjectId;
        At = at;
    }

    public long Id { get; private set; }

    public AuditAction Action { get; private set; }

    public string ImageId { get; private set; }

    /// <summary>The image's owner when the change was made: the project whose trail it belongs to.</summary>
    public string? ImageOwner { get; private set; }

    /// <summary>The member project the change concerns; null for a visibility change.</summary>
    public string? MemberId { get; private set; }

    /// <summary>The visibility or member status before the change; null when the member was added.</summary>
    public string? Before { get; private set; }

    /// <summary>The visibility or member status after the change; null when the member was removed.</summary>
    public string? After { get; private set; }

    public string? ActorUserId { get; private set; }

    public string? ActorProjectId { get; private set; }

    public DateTime At { get; private set; }
}
