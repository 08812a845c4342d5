namespace Glance.Portal.Auth;

/// <summary>The claims every authentication scheme produces, so that one factory builds the caller.</summary>
public static class GlanceClaimTypes
{
    public const string UserId = "sub";
    public const string ProjectId = "project_id";
    public const string Role = "role";
    public const string Name = "name";

    /// <summary>Every project the user belongs to (for the portal's project switcher).</summary>
    public const string Projects = "projects";

    /// <summary>The roles in each project, as <c>project=role1,role2</c>.</summary>
    public const string ProjectRoles = "project_roles";
}
