namespace Glance.Domain.Common;

/// <summary>
/// Who is calling: the user, the project the call acts for, and the roles in that project. Every
/// authentication scheme (portal session, bearer token, trusted headers) ends in one of these.
/// </summary>
public sealed record CallerContext
{
    public CallerContext(string? userId, string? projectId, IEnumerable<string> roles)
    {
        UserId = userId;
        ProjectId = projectId;
        // Glance lower-cases the roles keystonemiddleware hands it.
        Roles = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).ToHashSet();
    }

    public string? UserId { get; }

    /// <summary>The active project; images created by this caller are owned by it.</summary>
    public string? ProjectId { get; }

    public IReadOnlySet<string> Roles { get; }

    /// <summary>Glance's <c>context_is_admin</c> rule: <c>role:admin</c>.</summary>
    public bool IsAdmin => Roles.Contains("admin");

    public bool HasRole(string role) => Roles.Contains(role.ToLowerInvariant());
}
