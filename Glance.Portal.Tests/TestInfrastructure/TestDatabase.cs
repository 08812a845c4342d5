using Glance.Domain.Persistence;
using Glance.Persistence.Postgres;
using Glance.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>
/// The database one fixture runs on: SQLite in its data folder, or, when <c>GLANCE_TEST_DATABASE=postgres</c>,
/// a database of its own on the PostgreSQL that test.sh starts (<c>GLANCE_TEST_POSTGRES</c>), dropped
/// afterwards. The same tests run on both: the conformance suite of the persistence adapters.
/// </summary>
public sealed class TestDatabase(string dataDirectory) : IAsyncDisposable
{
    public static bool IsPostgres => Environment.GetEnvironmentVariable("GLANCE_TEST_DATABASE") == "postgres";

    private static string Server => Environment.GetEnvironmentVariable("GLANCE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("GLANCE_TEST_DATABASE=postgres needs GLANCE_TEST_POSTGRES, the server's connection string (tests/postgres.sh prints it).");

    private readonly string _name = "glance_test_" + Guid.NewGuid().ToString("N");

    public string ConnectionString => IsPostgres ? $"{Server};Database={_name}" : $"Data Source={Path.Combine(dataDirectory, "glance.db")}";

    /// <summary>The portal's settings for this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings => IsPostgres
        ? [new("Glance:Database:Provider", "postgres"), new("ConnectionStrings:Glance", ConnectionString)]
        : [];

    /// <summary>A context's options on this database, as the adapter configures them.</summary>
    public DbContextOptionsBuilder<GlanceDbContext> Options()
    {
        var options = new DbContextOptionsBuilder<GlanceDbContext>();
        _ = IsPostgres ? options.UseGlancePostgres(ConnectionString) : options.UseGlanceSqlite(ConnectionString);
        return options;
    }

    /// <summary>Skips a test that is about one engine's own machinery (SQLite's planner statistics, say).</summary>
    public static void RequireSqlite() => Assert.SkipWhen(IsPostgres, "about SQLite's own machinery");

    public static void RequirePostgres() => Assert.SkipUnless(IsPostgres, "needs PostgreSQL: run ./test.sh, which runs the suite on it too");

    public async ValueTask DisposeAsync()
    {
        if (!IsPostgres)
        {
            return;
        }
        await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
