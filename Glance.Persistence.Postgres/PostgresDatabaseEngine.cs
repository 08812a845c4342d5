using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Glance.Persistence.Postgres;

/// <summary>PostgreSQL's part of start-up and its way of reporting a duplicate key.</summary>
internal sealed class PostgresDatabaseEngine(ILogger<PostgresDatabaseEngine> logger) : IDatabaseEngine
{
    private const string UniqueViolation = "23505";
    private const string DuplicateDatabase = "42P04";

    /// <summary>Any fixed number: the key of the advisory lock every node takes to migrate.</summary>
    private const long MigrationLock = 0x6C616E6365; // "lance"

    /// <summary>
    /// Two nodes of a fresh deployment start together: the database is made by whichever comes first,
    /// then each takes a session advisory lock, so one migrates while the other waits and then finds
    /// nothing left to do.
    /// </summary>
    public async Task MigrateAsync(GlanceDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException ex) when (ex.SqlState == DuplicateDatabase)
            {
                // Another node made it a moment ago.
            }
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})", ct);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Autovacuum keeps the planner's statistics; a catalog that was never analyzed (loaded a moment
    /// ago, say by a migration from another database) is analyzed now rather than at autovacuum's leisure.
    /// </summary>
    public async Task PrepareAsync(GlanceDbContext db, CancellationToken ct)
    {
        var neverAnalyzed = await db.Database.SqlQuery<bool>(
            $"""SELECT (last_analyze IS NULL AND last_autoanalyze IS NULL AND n_live_tup > 0) AS "Value" FROM pg_stat_user_tables WHERE relname = 'images'""")
            .ToListAsync(ct);
        if (neverAnalyzed is [true])
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE images, image_properties, image_tags, image_members;", ct);
            logger.LogInformation("Analyzed the catalog for the query planner");
        }
    }

    public bool IsDuplicateKey(DbUpdateException exception) => exception.InnerException is PostgresException { SqlState: UniqueViolation };
}
