namespace Glance.Domain.Members;

/// <summary>A project the directory knows: its id (what Glance stores as a member) and the name people know it by.</summary>
public sealed record KnownProject(string Id, string Name)
{
    /// <summary>"Name (id)", or the id alone where the two are the same.</summary>
    public string Label => Name == Id ? Id : $"{Name} ({Id})";
}

/// <summary>Who may read a directory's project names: everyone who shares images, or only admins.</summary>
public enum DirectoryAudience
{
    Everyone,
    Admins,
}

/// <summary>
/// The projects that exist, where the portal can know them (the development provider's projects, or
/// Keystone's), so that people pick a project to share with by name. Glance's API never asks: a member
/// id is any string there, and stays so here.
/// </summary>
public interface IProjectDirectory
{
    /// <summary>Who may read the names; the domain gives others no directory (<see cref="ProjectChoices"/>).</summary>
    DirectoryAudience Audience { get; }

    /// <summary>Every project; null when the directory cannot tell now (people then type ids).</summary>
    Task<IReadOnlyList<KnownProject>?> ProjectsAsync(CancellationToken ct = default);
}

/// <summary>No directory: member projects are typed by id.</summary>
internal sealed class NoProjectDirectory : IProjectDirectory
{
    public DirectoryAudience Audience => DirectoryAudience.Admins;

    public Task<IReadOnlyList<KnownProject>?> ProjectsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<KnownProject>?>(null);
}
