namespace Glance.Domain.PropertyProtections;

/// <summary>
/// Which roles users hold, where the portal can know it (the development provider's accounts; an
/// identity service otherwise): the simulator's "user and project" form and the lint's "role no user
/// has" both ask it. Without one, only <c>Glance:PropertyProtection:KnownRoles</c> is known.
/// </summary>
public interface IRoleDirectory
{
    /// <summary>The user's roles in the project; null when the directory does not know the user there.</summary>
    IReadOnlyList<string>? RolesOf(string userName, string projectId);

    /// <summary>Every role some user holds.</summary>
    IReadOnlyCollection<string> AllRoles { get; }
}

/// <summary>No directory: users are unknown, and the known roles are the configured ones.</summary>
internal sealed class NoRoleDirectory : IRoleDirectory
{
    public IReadOnlyList<string>? RolesOf(string userName, string projectId) => null;

    public IReadOnlyCollection<string> AllRoles => [];
}
