using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Persistence;

/// <summary>
/// What else differs between database engines, which a persistence adapter provides beside its
/// migrations and its <see cref="ISearchIndex"/>: settings and planner statistics before the first
/// request, and how the engine reports a broken unique key.
/// </summary>
public interface IDatabaseEngine
{
    /// <summary>Runs after the migrations, before the first request: engine settings and planner statistics.</summary>
    Task PrepareAsync(GlanceDbContext db, CancellationToken ct);

    /// <summary>Whether a failed save broke a unique key: a duplicate image id or member added by a racing request.</summary>
    bool IsDuplicateKey(DbUpdateException exception);
}
