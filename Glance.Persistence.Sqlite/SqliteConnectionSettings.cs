using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Glance.Persistence.Sqlite;

/// <summary>
/// Per-connection settings for the catalog. SQLite's default page cache is 2 MiB, so a list over a large
/// catalog spends most of its time copying pages in from the OS; reading the file through a memory map
/// and a larger cache serve them in place. Pooled connections keep these, so they are set once per
/// underlying SQLite handle, not on every open.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static readonly ConditionalWeakTable<object, object> s_applied = [];

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || s_applied.TryGetValue(handle, out _))
        {
            return;
        }
        s_applied.AddOrUpdate(handle, handle);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
