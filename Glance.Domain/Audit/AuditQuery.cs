namespace Glance.Domain.Audit;

/// <summary>Which events of a trail to read: kinds, one image, one person, a time range, newest first, a page at a time.</summary>
public sealed record AuditQuery
{
    /// <summary>Only these kinds; empty for every kind.</summary>
    public IReadOnlySet<AuditKind> Kinds { get; init; } = new HashSet<AuditKind>();

    public string? ImageId { get; init; }

    /// <summary>Only changes made by this user.</summary>
    public string? Actor { get; init; }

    /// <summary>Only events at or after this instant (UTC).</summary>
    public DateTime? Since { get; init; }

    /// <summary>Only events before this instant (UTC).</summary>
    public DateTime? Until { get; init; }

    /// <summary>The next page: events older than the one with this id.</summary>
    public long? OlderThan { get; init; }

    /// <summary>Events to read, 1 to <see cref="AuditTrail.MaxPage"/>; outside that range it is brought within.</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>
/// A page of a trail, newest first. <see cref="Next"/> is where the next page starts
/// (<see cref="AuditQuery.OlderThan"/>) when older events match too; a page may hold fewer events
/// than asked for, or none, when some it read are hidden from the caller.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, long? Next)
{
    public bool HasMore => Next is not null;
}

/// <summary>What a project's trail can be filtered by: the people who made its changes and the images it names.</summary>
public sealed record AuditChoices(IReadOnlyList<string> Actors, IReadOnlyDictionary<string, string> Images);
