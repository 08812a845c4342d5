using Glance.Domain.Members;
using Glance.Domain.PropertyProtections;

namespace Glance.Portal.DevIdentity;

/// <summary>The demo accounts' roles, for the rule simulator and lint while the development provider runs.</summary>
internal sealed class DemoAccountRoleDirectory : IRoleDirectory
{
    public IReadOnlyList<string>? RolesOf(string userName, string projectId) =>
        DemoAccounts.Find(userName) is { } account && account.Projects.Any(p => p.Project == projectId) ? account.RolesIn(projectId) : null;

    public IReadOnlyCollection<string> AllRoles =>
        DemoAccounts.All.SelectMany(a => a.Projects).SelectMany(p => p.Roles).Distinct().ToList();
}

/// <summary>The demo projects, by name, for sharing while the development provider runs; their names are public (README).</summary>
internal sealed class DemoProjectDirectory : IProjectDirectory
{
    public DirectoryAudience Audience => DirectoryAudience.Everyone;

    public Task<IReadOnlyList<KnownProject>?> ProjectsAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<KnownProject>?>(DemoAccounts.Projects);
}
