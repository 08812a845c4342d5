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
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
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
