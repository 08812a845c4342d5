namespace Glance.Portal.Auth;

/// <summary>
/// <c>Glance:Claims</c>: which claims of the identity provider's tokens carry the user, the roles and
/// the projects. Keycloak, Entra ID and others name them differently; the portal and the API then see
/// them under one set of names (<see cref="GlanceClaimTypes"/>).
/// </summary>
public sealed class ClaimNamesOptions
{
    public const string SectionName = "Glance:Claims";

    public string UserId { get; set; } = GlanceClaimTypes.UserId;

    public string Name { get; set; } = GlanceClaimTypes.Name;

    public string Role { get; set; } = GlanceClaimTypes.Role;

    /// <summary>The project the token speaks for.</summary>
    public string ProjectId { get; set; } = GlanceClaimTypes.ProjectId;

    /// <summary>Every project of the user (several values, or one space- or comma-separated value).</summary>
    public string Projects { get; set; } = GlanceClaimTypes.Projects;

    /// <summary>The roles per project, as <c>project=role1,role2</c>.</summary>
    public string ProjectRoles { get; set; } = GlanceClaimTypes.ProjectRoles;
}
