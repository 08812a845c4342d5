using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Persistence;

/// <summary>
/// What else differs between database engines, which a persistence adapter provides beside its
/// <see cref="ISearchIndex"/>: applying its migrations, settings and planner statistics before the
/// first request, and how the engine reports a broken unique key.
/// </summary>
public interface IDatabaseEngine
{
    /// <summary>
    /// Brings the database to the current schema, made if missing; safe when several nodes start at
    /// once (one migrates while the others wait, then finds nothing left to do).
    /// </summary>
    Task MigrateAsync(GlanceDbContext db, CancellationToken ct);

    /// <summary>Runs after the migrations, before the first request: engine settings and planner statistics.</summary>
    Task PrepareAsync(GlanceDbContext db, CancellationToken ct);

    /// <summary>Whether a failed save broke a unique key: a duplicate image id or member added by a racing request.</summary>
    bool IsDuplicateKey(DbUpdateException exception);
}
