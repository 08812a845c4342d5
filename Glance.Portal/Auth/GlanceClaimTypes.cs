namespace Glance.Portal.Auth;

/// <summary>The claims every authentication scheme produces, so that one factory builds the caller.</summary>
public static class GlanceClaimTypes
{
    public const string UserId = "sub";
    public const string ProjectId = "project_id";
    public const string Role = "role";
}
