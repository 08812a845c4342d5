using Glance.Domain.Persistence;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Glance.Persistence.Sqlite;

/// <summary>
/// SQLite's query planner statistics (<c>sqlite_stat1</c>). Without them SQLite guesses that every
/// index narrows well, and at a million images it picks plans that take a second where the same query
/// with statistics takes 2–12 ms (bench/README.md): it sorts a whole visibility instead of walking the
/// order index, for example. So the catalog's tables are analyzed when they never have been, and again
/// whenever the images table has grown or shrunk tenfold since: about 3 s at a million images.
/// </summary>
/// <remarks>
/// The whole of each index is read. A sample (<c>analysis_limit</c>, or <c>PRAGMA optimize</c>, which
/// sets one) reads the first thousand entries of an index, and for the visibility index those all hold
/// one value: it then estimates a thousand images per visibility instead of 250,000, and the lists are
/// back to a second.
/// </remarks>
public static class PlannerStatistics
{
    /// <summary>The tables the list and its filters read.</summary>
    private const string Analyze = "PRAGMA analysis_limit = 0; ANALYZE images; ANALYZE image_properties; ANALYZE image_tags; ANALYZE image_members;";

    /// <summary>Analyzes the database if its statistics are missing or out of scale; true if it did.</summary>
    public static async Task<bool> RefreshAsync(GlanceDbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var images = await Scalar(db, "SELECT count(*) FROM images", ct) ?? 0;
            var analyzed = await AnalyzedRows(db, ct);
            if (images == 0 || (analyzed is { } rows && images < rows * 10 && images * 10 > rows))
            {
                return false;
            }
            await db.Database.ExecuteSqlRawAsync(Analyze, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // Pooled connections keep the statistics they loaded with the schema; new ones read these.
        SqliteConnection.ClearAllPools();
        return true;
    }

    /// <summary>The images table's row count when it was last analyzed (the first number of its statistics), or null.</summary>
    private static async Task<long?> AnalyzedRows(GlanceDbContext db, CancellationToken ct)
    {
        if (await Scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'", ct) == 0)
        {
            return null;
        }
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'images' LIMIT 1";
        return await command.ExecuteScalarAsync(ct) is string stat
            && long.TryParse(stat.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            ? rows : null;
    }

    private static async Task<long?> Scalar(GlanceDbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct) is long value ? value : null;
    }
}

/// <summary>
/// Keeps the planner statistics in scale while the portal runs: checks once a minute, so a catalog that
/// grows from nothing gets plans for its size within a minute of each tenfold step. A check counts the
/// images (30 ms at a million) and analyzes only at such a step.
/// </summary>
internal sealed class PlannerStatisticsRefresher(
    IDbContextFactory<GlanceDbContext> dbFactory,
    TimeProvider clock,
    ILogger<PlannerStatisticsRefresher> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(Interval, clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (ct.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                if (await PlannerStatistics.RefreshAsync(db, ct))
                {
                    logger.LogInformation("Refreshed the query planner's statistics");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not refresh the query planner's statistics");
            }
        }
    }
}
