namespace Glance.Domain.Common;

/// <summary>
/// Who is calling: the user, the project the call acts for, and the roles in that project. Every
/// authentication scheme (portal session, bearer token, trusted headers) ends in one of these. Whether
/// the caller is an admin is the policy's <c>context_is_admin</c> rule, not a property of the caller.
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

    public bool HasRole(string role) => Roles.Contains(role.ToLowerInvariant());
}
