using System.Diagnostics;
using Glance.Domain.Persistence;
using Glance.Persistence.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Glance.ListBench;

/// <summary>
/// Fills a fresh PostgreSQL database with the synthetic catalog, through the migrations' schema and
/// triggers (COPY fires them row by row, as inserts do), in batches of 10,000 images a transaction.
/// </summary>
internal static class PostgresSeeder
{
    private const int Batch = 10_000;

    public static async Task SeedAsync(string connectionString, int count)
    {
        var watch = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<GlanceDbContext>();
        options.UseGlancePostgres(connectionString);
        await using (var db = new GlanceDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }
        // A batch's properties go through their triggers for minutes on a slow disk: no command timeout.
        await using var connection = new NpgsqlConnection($"{connectionString};Command Timeout=0");
        await connection.OpenAsync();
        var seeded = 0;
        foreach (var batch in SyntheticCatalog.Images(count).Chunk(Batch))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var images = await connection.BeginBinaryImportAsync(
                "COPY images (\"Id\", \"Name\", \"Status\", \"Visibility\", \"Protected\", \"OsHidden\", \"Checksum\", \"OsHashAlgo\", \"OsHashValue\", \"Owner\", " +
                "\"Size\", \"VirtualSize\", \"ContainerFormat\", \"DiskFormat\", \"MinRam\", \"MinDisk\", \"CreatedAt\", \"UpdatedAt\", \"Deleted\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in batch)
                {
                    await images.StartRowAsync();
                    await images.WriteAsync(i.Id);
                    await images.WriteAsync(i.Name);
                    await images.WriteAsync(i.Status);
                    await images.WriteAsync(i.Visibility);
                    await images.WriteAsync(false);
                    await images.WriteAsync(i.Hidden);
                    await images.WriteAsync(i.Checksum);
                    await images.WriteAsync("sha512");
                    await images.WriteAsync(i.Hash);
                    await images.WriteAsync(i.Owner);
                    await images.WriteAsync(i.Size, NpgsqlDbType.Bigint);
                    await images.WriteAsync(i.Size, NpgsqlDbType.Bigint);
                    await images.WriteAsync("bare");
                    await images.WriteAsync(i.DiskFormat);
                    await images.WriteAsync(0, NpgsqlDbType.Integer);
                    await images.WriteAsync(i.MinDisk, NpgsqlDbType.Integer);
                    await images.WriteAsync(i.Created, NpgsqlDbType.TimestampTz);
                    await images.WriteAsync(i.Created, NpgsqlDbType.TimestampTz);
                    await images.WriteAsync(false);
                }
                await images.CompleteAsync();
            }
            await using (var locations = await connection.BeginBinaryImportAsync(
                "COPY image_locations (\"ImageId\", \"StoreId\", \"Url\", \"Metadata\", \"Status\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in batch.Where(i => i.Status == "active"))
                {
                    await locations.WriteRowAsync(default, i.Id, "file", "file:" + i.Id, "{}", "active", i.Created, i.Created);
                }
                await locations.CompleteAsync();
            }
            await using (var properties = await connection.BeginBinaryImportAsync("COPY image_properties (\"ImageId\", \"Name\", \"Value\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in batch)
                {
                    foreach (var (name, value) in i.Properties)
                    {
                        await properties.WriteRowAsync(default, i.Id, name, value);
                    }
                }
                await properties.CompleteAsync();
            }
            await using (var tags = await connection.BeginBinaryImportAsync("COPY image_tags (\"ImageId\", \"Value\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in batch)
                {
                    foreach (var value in i.Tags)
                    {
                        await tags.WriteRowAsync(default, i.Id, value);
                    }
                }
                await tags.CompleteAsync();
            }
            await using (var members = await connection.BeginBinaryImportAsync(
                "COPY image_members (\"ImageId\", \"MemberId\", \"Status\", \"CreatedAt\", \"UpdatedAt\", \"Deleted\", \"Version\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in batch)
                {
                    foreach (var (project, status) in i.Members)
                    {
                        await members.WriteRowAsync(default, i.Id, project, status, i.Created, i.Created, false, 0);
                    }
                }
                await members.CompleteAsync();
            }
            await transaction.CommitAsync();
            seeded += batch.Length;
            if (seeded % 100_000 == 0)
            {
                Console.WriteLine($"  {seeded:N0} images seeded ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        }
        // The triggers rewrote each image row once per property: reclaim the old versions, as autovacuum would have by then.
        await using (var vacuum = new NpgsqlCommand("VACUUM", connection))
        {
            await vacuum.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"Seeded {count:N0} images in {watch.Elapsed.TotalSeconds:F0} s");
    }
}
