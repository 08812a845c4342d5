using System.Diagnostics;
using Glance.Domain.Persistence;
using Glance.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Glance.ListBench;

/// <summary>
/// Fills a fresh database with a synthetic catalog: a few hundred projects, mixed visibility, 5–10
/// properties and 2 tags per image, memberships on shared images. Rows go in through prepared
/// statements in one transaction; the schema is the real one, from the migrations.
/// </summary>
internal static class Seeder
{
    public static readonly string[] Distros = ["ubuntu", "debian", "fedora", "centos", "rocky", "alma", "opensuse", "arch", "alpine", "cirros"];
    public static readonly string[] Formats = ["qcow2", "raw", "iso", "vmdk", "vhd"];
    public const int Projects = 300;

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

        var random = new Random(42);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var n = 0; n < count; n++)
        {
            var id = Guid.NewGuid().ToString();
            var owner = $"project-{random.Next(Projects):D3}";
            var roll = random.Next(100);
            var visibility = roll < 5 ? "public" : roll < 10 ? "community" : roll < 50 ? "shared" : "private";
            var created = start.AddSeconds(n * 60 + random.Next(60));
            var distro = Distros[random.Next(Distros.Length)];
            var status = random.Next(50) == 0 ? "queued" : "active";
            Run(image, id, $"{distro}-{n}", status, visibility, random.Next(100) == 0 ? 1 : 0,
                Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), "h" + n, owner, (long)random.Next(1, 20_000) << 20,
                Formats[random.Next(Formats.Length)], random.Next(0, 80), created);
            if (status == "active")
            {
                Run(location, id, "file:" + id, created);
            }

            Run(property, id, "os_distro", distro);
            Run(property, id, "os_version", $"{random.Next(1, 30)}.{random.Next(10)}");
            Run(property, id, "architecture", random.Next(4) == 0 ? "aarch64" : "x86_64");
            Run(property, id, "description", $"{distro} cloud image build {n} for general purpose workloads");
            Run(property, id, "hw_disk_bus", random.Next(2) == 0 ? "virtio" : "scsi");
            for (var extra = random.Next(0, 6); extra > 0; extra--)
            {
                Run(property, id, $"custom_{extra}", $"value-{random.Next(1000)}");
            }
            Run(tag, id, $"tag-{random.Next(50)}");
            Run(tag, id, $"release-{random.Next(20) + 100}");
            if (visibility == "shared")
            {
                var members = new HashSet<string>();
                for (var m = random.Next(0, 4); m > 0; m--)
                {
                    var target = $"project-{random.Next(Projects):D3}";
                    if (target != owner && members.Add(target))
                    {
                        Run(member, id, target, (random.Next(3)) switch { 0 => "pending", 1 => "accepted", _ => "rejected" }, created);
                    }
                }
            }
            if (n % 100_000 == 99_999)
            {
                Console.WriteLine($"  {n + 1:N0} images seeded ({watch.Elapsed.TotalSeconds:F0} s)");
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
