using Glance.Domain.Persistence;
using Glance.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Glance.Portal.Tests.Domain.Persistence;

public sealed class MigrationsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"glance-migrations-{Guid.NewGuid():N}.db");

    private GlanceDbContext NewContext() =>
        new(SqliteContextOptions.For($"Data Source={_file};Pooling=false"));

    [Fact]
    public void The_migrations_cover_every_change_to_the_model()
    {
        using var db = NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project Glance.Persistence.Sqlite --output-dir Migrations");
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

    public void Dispose() => File.Delete(_file);
}
