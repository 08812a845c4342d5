namespace Glance.Domain.Members;

/// <summary>A member project's answer to a share offer. It decides only whether the image is in that project's default list.</summary>
public enum MemberStatus
{
    Pending,
    Accepted,
    Rejected,
}

public static class MemberStatusNames
{
    public static string ToWire(this MemberStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string value, out MemberStatus status)
    {
        foreach (var candidate in Enum.GetValues<MemberStatus>())
        {
            if (candidate.ToWire() == value)
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
