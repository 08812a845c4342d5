using Glance.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Glance.Persistence.Sqlite;

/// <summary>SQLite's part of start-up and its way of reporting a duplicate key.</summary>
internal sealed class SqliteDatabaseEngine(ILogger<SqliteDatabaseEngine> logger) : IDatabaseEngine
{
    private const int SqliteConstraint = 19;

    /// <summary>EF's own migration lock (a lock table) keeps two processes on one file from migrating together.</summary>
    public Task MigrateAsync(GlanceDbContext db, CancellationToken ct) => db.Database.MigrateAsync(ct);

    public async Task PrepareAsync(GlanceDbContext db, CancellationToken ct)
    {
        // WAL lets the portal and the API read while an upload finishes writing.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        if (await PlannerStatistics.RefreshAsync(db, ct))
        {
            logger.LogInformation("Analyzed the catalog for the query planner");
        }
    }

    public bool IsDuplicateKey(DbUpdateException exception) => exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint };
}
