using Glance.Domain.Persistence;
using Glance.Persistence.Postgres;
using Glance.Persistence.Sqlite;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Glance.Portal.Tests.Domain.Persistence;

public sealed class MigrationsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"glance-migrations-{Guid.NewGuid():N}.db");

    private GlanceDbContext NewContext() =>
        new(SqliteContextOptions.For($"Data Source={_file};Pooling=false"));

    [Fact]
    public void The_migrations_of_every_adapter_cover_every_change_to_the_model()
    {
        using var sqlite = NewContext();
        // No connection is opened: the model is compared with the adapter's last snapshot.
        using var postgres = new GlanceDbContext(PostgresContextOptions.For("Host=localhost;Database=unused"));

        Assert.False(sqlite.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project Glance.Persistence.Sqlite --output-dir Migrations");
        Assert.False(postgres.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project Glance.Persistence.Postgres --output-dir Migrations");
    }

    [Fact]
    public async Task On_postgres_two_nodes_starting_at_once_migrate_once_and_get_the_search_indexes_and_triggers()
    {
        TestDatabase.RequirePostgres();
        await using var database = new TestDatabase(Path.GetTempPath());

        // Two nodes of a fresh deployment apply the migrations at the same moment: one makes the database
        // and migrates while the other waits on the lock, and both end on the same schema.
        var engine = new PostgresDatabaseEngine(Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabaseEngine>.Instance);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var db = new GlanceDbContext(database.Options().Options);
            await engine.MigrateAsync(db, CancellationToken.None);
        }));

        await using var check = new GlanceDbContext(database.Options().Options);
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        var indexes = await check.Database.SqlQueryRaw<string>("SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'images'").ToListAsync();
        Assert.Contains("IX_images_SearchText_Trgm", indexes);
        Assert.Contains("IX_images_SearchText_Public", indexes);
        Assert.Contains("IX_images_Name_Lower", indexes);
        var triggers = await check.Database.SqlQueryRaw<string>("SELECT tgname AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal").ToListAsync();
        Assert.Equal(["image_properties_derived", "image_tags_created_at", "images_facet_counts", "images_facet_counts_update", "images_search_text"], triggers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_migrations_build_a_database_with_the_indexes_filtering_needs()
    {
        await using var db = NewContext();

        await db.Database.MigrateAsync();

        var indexes = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index'").ToListAsync();
        Assert.Contains("IX_image_properties_Name_Value", indexes);
        Assert.Contains("IX_image_tags_Value_ImageCreatedAt_ImageId", indexes);
        Assert.Contains("IX_image_members_MemberId_Status_ImageId", indexes);
        Assert.Contains("IX_images_CreatedAt_Id_Covering", indexes);
        Assert.Contains("IX_images_Name_Lower", indexes);
        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'").ToListAsync();
        Assert.Contains("image_search_text_property_insert", triggers);
        Assert.Contains("image_search_insert", triggers);
        Assert.Contains("image_tags_created_at", triggers);
    }

    [Fact]
    public async Task An_images_data_moves_to_a_location_of_the_file_store_and_the_search_triggers_survive()
    {
        await using var db = NewContext();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync("FullAuditTrail");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO images (Id, Name, SortName, Status, Visibility, Protected, OsHidden, Owner, MinRam, MinDisk, CreatedAt, UpdatedAt, Deleted, Location)
            VALUES ('a1', 'Web base', 'web base', 'active', 'public', 0, 0, 'p', 0, 0, '2026-01-01 00:00:00', '2026-01-02 00:00:00', 0, 'file:a1'),
                   ('q1', 'Queued one', 'queued one', 'queued', 'public', 0, 0, 'p', 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0, NULL);
            """);

        await migrator.MigrateAsync();

        var locations = await db.ImageLocations.AsNoTracking().ToListAsync();
        var location = Assert.Single(locations);
        Assert.Equal(("a1", "file", "file:a1", Glance.Domain.ImageData.LocationStatus.Active), (location.ImageId, location.StoreId, location.Url, location.Status));
        // The images table kept its triggers and rowids: a rename still reaches the search index.
        await db.Database.ExecuteSqlRawAsync("UPDATE images SET Name = 'Renamed thing' WHERE Id = 'a1'");
        var found = await db.Database.SqlQueryRaw<string>(
            "SELECT i.Id AS Value FROM image_search AS s JOIN images AS i ON i.rowid = s.rowid WHERE image_search MATCH '\"renamed\"'").ToListAsync();
        Assert.Equal(["a1"], found);
    }

    public void Dispose() => File.Delete(_file);
}
