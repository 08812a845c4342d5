namespace Glance.Domain.Audit;

/// <summary>What an audit event records.</summary>
public enum AuditAction
{
    VisibilityChanged,
    MemberAdded,
    MemberRemoved,
    MemberStatusChanged,
    ImageCreated,
    DataUploaded,
    StatusChanged,
    ImageDeleted,

    /// <summary>A core attribute (name, min_ram, protected, …) took a new value; <see cref="AuditEvent.Subject"/> names it.</summary>
    AttributeChanged,

    /// <summary>A custom property was added, changed or removed; <see cref="AuditEvent.Subject"/> names it.</summary>
    PropertyChanged,
    TagAdded,
    TagRemoved,
}

/// <summary>
/// One change to an image: who made it (user and project), when, on which image (and its owner at the
/// time), which member, attribute, property or tag it concerns, and the value before and after.
/// Written in the same transaction as the change itself, so the trail and the data cannot disagree.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        ImageId = "";
    }

    /// <summary>The longest value kept before or after a change; longer ones are cut with an ellipsis.</summary>
    public const int ValueLength = 255;

    internal AuditEvent(AuditAction action, string imageId, string? imageName, string? imageOwner, string? memberId, string? subject,
        string? before, string? after, string? actorUserId, string? actorProjectId, DateTime at)
    {
        Action = action;
        ImageId = imageId;
        ImageName = Cut(imageName);
        ImageOwner = imageOwner;
        MemberId = memberId;
        Subject = subject;
        Before = Cut(before);
        After = Cut(after);
        ActorUserId = actorUserId;
        ActorProjectId = actorProjectId;
        At = at;
    }

    public long Id { get; private set; }

    public AuditAction Action { get; private set; }

    public string ImageId { get; private set; }

    /// <summary>
    /// The image's name when the change was made, so a trail names images as they were and never tells
    /// a reader the name of an image it can no longer see; null in events recorded before names were.
    /// </summary>
    public string? ImageName { get; private set; }

    /// <summary>The image's owner when the change was made: the project whose trail it belongs to.</summary>
    public string? ImageOwner { get; private set; }

    /// <summary>The member project the change concerns; null for a visibility change.</summary>
    public string? MemberId { get; private set; }

    /// <summary>The attribute, property or tag the change concerns; null for the others.</summary>
    public string? Subject { get; private set; }

    /// <summary>The value before the change; null when there was none (a member or property added).</summary>
    public string? Before { get; private set; }

    /// <summary>The value after the change; null when there is none (a member or property removed).</summary>
    public string? After { get; private set; }

    public string? ActorUserId { get; private set; }

    public string? ActorProjectId { get; private set; }

    public DateTime At { get; private set; }

    private static string? Cut(string? value) => value is { Length: > ValueLength } ? value[..(ValueLength - 1)] + "…" : value;
}
