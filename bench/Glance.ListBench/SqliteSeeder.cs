using System.Diagnostics;
using Glance.Domain.Persistence;
using Glance.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Glance.ListBench;

/// <summary>
/// Fills a fresh SQLite database with the synthetic catalog. Rows go in through prepared statements in
/// one transaction, through the triggers; the schema is the real one, from the migrations.
/// </summary>
internal static class SqliteSeeder
{
    public static async Task SeedAsync(string path, int count)
    {
        var watch = Stopwatch.StartNew();
        var options = SqliteContextOptions.For($"Data Source={path}");
        await using (var db = new GlanceDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        await using var transaction = connection.BeginTransaction();
        var image = Prepare(connection, transaction,
            "INSERT INTO images (Id, Name, Status, Visibility, Protected, OsHidden, Checksum, OsHashAlgo, OsHashValue, Owner, Size, VirtualSize, ContainerFormat, DiskFormat, MinRam, MinDisk, CreatedAt, UpdatedAt, Deleted) " +
            "VALUES ($id, $name, $status, $visibility, 0, $hidden, $checksum, 'sha512', $hash, $owner, $size, $size, 'bare', $disk, 0, $mindisk, $created, $created, 0)",
            "$id", "$name", "$status", "$visibility", "$hidden", "$checksum", "$hash", "$owner", "$size", "$disk", "$mindisk", "$created");
        var location = Prepare(connection, transaction,
            "INSERT INTO image_locations (ImageId, StoreId, Url, Metadata, Status, CreatedAt, UpdatedAt) VALUES ($id, 'file', $url, '{}', 'active', $at, $at)",
            "$id", "$url", "$at");
        var property = Prepare(connection, transaction, "INSERT INTO image_properties (ImageId, Name, Value) VALUES ($id, $name, $value)", "$id", "$name", "$value");
        var tag = Prepare(connection, transaction, "INSERT INTO image_tags (ImageId, Value) VALUES ($id, $value)", "$id", "$value");
        var member = Prepare(connection, transaction,
            "INSERT INTO image_members (ImageId, MemberId, Status, CreatedAt, UpdatedAt, Deleted) VALUES ($id, $member, $status, $at, $at, 0)",
            "$id", "$member", "$status", "$at");

        var n = 0;
        foreach (var i in SyntheticCatalog.Images(count))
        {
            Run(image, i.Id, i.Name, i.Status, i.Visibility, i.Hidden ? 1 : 0, i.Checksum, i.Hash, i.Owner, i.Size, i.DiskFormat, i.MinDisk, i.Created);
            if (i.Status == "active")
            {
                Run(location, i.Id, "file:" + i.Id, i.Created);
            }
            foreach (var (name, value) in i.Properties)
            {
                Run(property, i.Id, name, value);
            }
            foreach (var value in i.Tags)
            {
                Run(tag, i.Id, value);
            }
            foreach (var (project, status) in i.Members)
            {
                Run(member, i.Id, project, status, i.Created);
            }
            if (++n % 100_000 == 0)
            {
                Console.WriteLine($"  {n:N0} images seeded ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        }
        await transaction.CommitAsync();
        Console.WriteLine($"Seeded {count:N0} images in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] is DateTime d ? d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF") : values[i];
        }
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
