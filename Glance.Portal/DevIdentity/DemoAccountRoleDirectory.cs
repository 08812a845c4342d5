using Glance.Domain.PropertyProtections;

namespace Glance.Portal.DevIdentity;

/// <summary>The demo accounts' roles, for the rule simulator and lint while the development provider runs.</summary>
internal sealed class DemoAccountRoleDirectory : IRoleDirectory
{
    public IReadOnlyList<string>? RolesOf(string userName, string projectId) =>
        DemoAccounts.Find(userName) is { } account && account.Projects.Any(p => p.Project == projectId) ? account.RolesIn(projectId) : null;

    public IReadOnlyCollection<string>? Projects =>
        DemoAccounts.All.SelectMany(a => a.Projects).Select(p => p.Project).Distinct().ToList();

    public IReadOnlyCollection<string> AllRoles =>
        DemoAccounts.All.SelectMany(a => a.Projects).SelectMany(p => p.Roles).Distinct().ToList();
}
