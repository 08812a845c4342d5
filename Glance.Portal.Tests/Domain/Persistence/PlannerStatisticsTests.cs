using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Persistence.Sqlite;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

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
