using Glance.Domain.Common;

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

    public static bool TryParse(string value, out MemberStatus status) => WireNames.TryParse(value, ToWire, out status);
}
