namespace Glance.Domain.Audit;

public static class AuditActionNames
{
    /// <summary>The stored and shown name: <c>visibility_changed</c>, <c>member_added</c>, …</summary>
    public static string ToWire(this AuditAction action) => action switch
    {
        AuditAction.VisibilityChanged => "visibility_changed",
        AuditAction.MemberAdded => "member_added",
        AuditAction.MemberRemoved => "member_removed",
        AuditAction.MemberStatusChanged => "member_status_changed",
        AuditAction.ImageCreated => "image_created",
        AuditAction.DataUploaded => "data_uploaded",
        AuditAction.StatusChanged => "status_changed",
        AuditAction.ImageDeleted => "image_deleted",
        AuditAction.AttributeChanged => "attribute_changed",
        AuditAction.PropertyChanged => "property_changed",
        AuditAction.TagAdded => "tag_added",
        AuditAction.TagRemoved => "tag_removed",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Which of the three kinds of activity an action belongs to, for filtering.</summary>
    public static AuditKind Kind(this AuditAction action) => action switch
    {
        AuditAction.VisibilityChanged or AuditAction.MemberAdded or AuditAction.MemberRemoved or AuditAction.MemberStatusChanged => AuditKind.Sharing,
        AuditAction.ImageCreated or AuditAction.DataUploaded or AuditAction.StatusChanged or AuditAction.ImageDeleted => AuditKind.Lifecycle,
        _ => AuditKind.Edits,
    };

    public static AuditAction Parse(string value)
    {
        foreach (var action in Enum.GetValues<AuditAction>())
        {
            if (action.ToWire() == value)
            {
                return action;
            }
        }
        throw new InvalidOperationException($"Unknown audit action '{value}' in the database.");
    }
}

/// <summary>The kinds of activity people filter by: who may use an image, its life, and edits to it.</summary>
public enum AuditKind
{
    Sharing,
    Lifecycle,
    Edits,
}
