namespace Glance.Domain.PropertyProtections;

/// <summary>
/// Which custom properties a query may match for one caller: the names it may not read, among those
/// the query could touch. A query that matches, counts or excludes by property values (the portal's
/// search words, <c>key=value</c> terms and os_distro facet, the API's property filters) treats a hidden
/// property as absent, so that no value the caller may not read can be found out by searching for it.
/// Glance itself filters on every value and leaks them; this is the one place that decides instead.
/// </summary>
public sealed class PropertyReadScope
{
    public static readonly PropertyReadScope Everything = new(new HashSet<string>(StringComparer.Ordinal));

    internal PropertyReadScope(IReadOnlySet<string> hidden)
    {
        Hidden = hidden;
    }

    /// <summary>The property names the caller may not read; empty in the usual case, where nothing changes.</summary>
    public IReadOnlySet<string> Hidden { get; }

    public bool HidesAny => Hidden.Count > 0;

    public bool CanRead(string name) => !Hidden.Contains(name);
}
