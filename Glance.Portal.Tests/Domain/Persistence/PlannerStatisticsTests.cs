using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Persistence.Sqlite;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Glance.Portal.Tests.Domain.Persistence;

/// <summary>The catalog is analyzed for the query planner when it never was, and again at every tenfold change.</summary>
public sealed class PlannerStatisticsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"glance-stats-{Guid.NewGuid():N}.db");

    private GlanceDbContext NewContext() =>
        new(SqliteContextOptions.For($"Data Source={_file};Pooling=false"));

    [Fact]
    public async Task Statistics_follow_the_catalog_by_orders_of_magnitude()
    {
        TestDatabase.RequireSqlite();
        await using var db = NewContext();
        await db.Database.MigrateAsync();

        Assert.False(await PlannerStatistics.RefreshAsync(db), "an empty catalog has nothing to measure");

        await AddImagesAsync(db, 2);
        Assert.True(await PlannerStatistics.RefreshAsync(db));
        Assert.Equal(2, await AnalyzedImagesAsync(db));
        Assert.False(await PlannerStatistics.RefreshAsync(db), "the same catalog needs no new statistics");

        await AddImagesAsync(db, 17);
        Assert.False(await PlannerStatistics.RefreshAsync(db), "19 images are within ten times 2");
        await AddImagesAsync(db, 1);
        Assert.True(await PlannerStatistics.RefreshAsync(db));
        Assert.Equal(20, await AnalyzedImagesAsync(db));
        Assert.Contains("IX_images_Visibility_CreatedAt", await db.Database
            .SqlQueryRaw<string>("SELECT idx AS Value FROM sqlite_stat1 WHERE tbl = 'images'").ToListAsync());
    }

    [Fact]
    public async Task A_catalog_that_grows_while_the_portal_runs_is_analyzed_within_a_minute()
    {
        TestDatabase.RequireSqlite();
        await using (var setup = NewContext())
        {
            await setup.Database.MigrateAsync();
        }
        var services = new ServiceCollection()
            .AddDbContextFactory<GlanceDbContext>(options => options.UseGlanceSqlite($"Data Source={_file};Pooling=false"))
            .BuildServiceProvider();
        var clock = new FakeTimeProvider();
        using var refresher = new PlannerStatisticsRefresher(services.GetRequiredService<IDbContextFactory<GlanceDbContext>>(), clock,
            NullLogger<PlannerStatisticsRefresher>.Instance);
        await refresher.StartAsync(TestContext.Current.CancellationToken);
        await using var db = NewContext();

        await AddImagesAsync(db, 50);
        var first = await AnalyzedAfterMinutesAsync(db, clock, 50);
        await AddImagesAsync(db, 450);
        var second = await AnalyzedAfterMinutesAsync(db, clock, 500);
        await refresher.StopAsync(TestContext.Current.CancellationToken);

        // Within a minute of each step: the refresher waits on its own thread, so the first minute may
        // pass before it begins waiting, and the next then does it (an hourly check would take sixty).
        Assert.Equal(50, first.Analyzed);
        Assert.InRange(first.Minutes, 1, 2);
        Assert.Equal(500, second.Analyzed);
        Assert.InRange(second.Minutes, 1, 2);
    }

    /// <summary>
    /// Lets the refresher's minutes pass one at a time until the statistics count <paramref name="expected"/>
    /// images (at most ten minutes, waiting up to ten seconds for the refresher after each); the count then, and the minutes it took.
    /// </summary>
    private static async Task<(long? Analyzed, int Minutes)> AnalyzedAfterMinutesAsync(GlanceDbContext db, FakeTimeProvider clock, long expected)
    {
        long? analyzed = null;
        var minutes = 0;
        while (minutes < 10 && analyzed != expected)
        {
            clock.Advance(PlannerStatisticsRefresher.Interval);
            minutes++;
            for (var poll = 0; poll < 200 && analyzed != expected; poll++)
            {
                await Task.Delay(50);
                analyzed = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE name = 'sqlite_stat1'").AnyAsync()
                    ? await AnalyzedImagesAsync(db) : null;
            }
        }
        return (analyzed, minutes);
    }

    private static async Task AddImagesAsync(GlanceDbContext db, int count)
    {
        for (var n = 0; n < count; n++)
        {
            db.Images.Add(new Image(Guid.NewGuid().ToString(), "project", DateTime.UtcNow));
        }
        await db.SaveChangesAsync();
    }

    private static async Task<long> AnalyzedImagesAsync(GlanceDbContext db)
    {
        var stat = await db.Database.SqlQueryRaw<string>("SELECT stat AS Value FROM sqlite_stat1 WHERE tbl = 'images' LIMIT 1").SingleAsync();
        return long.Parse(stat.Split(' ')[0]);
    }

    public void Dispose() => File.Delete(_file);
}
