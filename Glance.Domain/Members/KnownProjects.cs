namespace Glance.Domain.Members;

/// <summary>The projects a caller may pick by name, and how a typed text or an id reads among them.</summary>
public sealed class KnownProjects(IReadOnlyList<KnownProject> projects)
{
    public IReadOnlyList<KnownProject> All => projects;

    public KnownProject? Find(string id) => projects.FirstOrDefault(p => p.Id == id);

    /// <summary>"Name (id)" for a known project, the id itself otherwise.</summary>
    public string LabelOf(string id) => Find(id)?.Label ?? id;

    /// <summary>
    /// The project a typed text means: an exact id, else a name (case aside) that exactly one project
    /// has. Names are unique only within a Keystone domain, so a shared name means nobody: the text is
    /// returned as typed and the caller is told to pick from the list.
    /// </summary>
    public string Resolve(string typed)
    {
        if (Find(typed) is not null)
        {
            return typed;
        }
        var named = projects.Where(p => string.Equals(p.Name, typed, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return named.Count == 1 ? named[0].Id : typed;
    }

    /// <summary>Whether more than one project has this name, so that it names none of them.</summary>
    public bool IsAmbiguous(string name) => projects.Count(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) > 1;

    /// <summary>Projects whose name or id holds every typed word, not excluded nor chosen already, by name.</summary>
    public IEnumerable<KnownProject> Matching(string? text, IReadOnlySet<string> exclude, IEnumerable<string> chosen)
    {
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = chosen.ToHashSet();
        return projects
            .Where(p => !exclude.Contains(p.Id) && !taken.Contains(p.Id))
            .Where(p => words.All(w => p.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || p.Id.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase);
    }
}
