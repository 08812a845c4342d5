using Glance.Domain.Members;

namespace Glance.Portal.DevIdentity;

/// <summary>A demo account: its projects in order (the first is the default) with the roles it has in each.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, IReadOnlyList<(string Project, string[] Roles)> Projects)
{
    public string[] RolesIn(string project) => Projects.FirstOrDefault(p => p.Project == project).Roles ?? [];
}

/// <summary>
/// The embedded provider's accounts. They exist only while the development provider is on, and each
/// password is the account name, which is why it must never be on in production.
/// </summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("admin", "Ada Admin", [("admin", ["admin", "member", "reader"])]),
        new("alice", "Alice Example", [("demo-a", ["member", "reader"]), ("lab", ["member", "reader"])]),
        new("bob", "Bob Example", [("demo-b", ["member", "reader"])]),
        new("carol", "Carol Example", [("demo-a", ["reader"])]),
    ];

    /// <summary>The demo projects with the names people pick them by when sharing.</summary>
    public static readonly IReadOnlyList<KnownProject> Projects =
    [
        new("admin", "Cloud administration"),
        new("demo-a", "Web team"),
        new("demo-b", "Data team"),
        new("lab", "Research lab"),
    ];

    public static DemoAccount? Find(string? userName) => All.FirstOrDefault(a => a.UserName == userName);

    public static DemoAccount? SignIn(string? userName, string? password) =>
        Find(userName) is { } account && password == account.UserName ? account : null;
}
