using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Glance.Persistence.Sqlite;

/// <summary>The catalog's context on SQLite, configured the one way the portal, the tools and the tests all use.</summary>
public static class SqliteContextOptions
{
    public static DbContextOptionsBuilder UseGlanceSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        // A list's ids go to SQLite as one JSON parameter (json_each): one SQL text and one cached
        // plan for any number of ids, where one parameter per id made EF rebuild the SQL each time.
        options.UseSqlite(connectionString, sqlite => sqlite
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)
                .MigrationsAssembly(typeof(SqliteContextOptions).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, SqliteModelCustomizer>();

    /// <summary>Options for a context of its own, outside dependency injection (tools, tests, benchmarks).</summary>
    public static DbContextOptions<GlanceDbContext> For(string connectionString) =>
        (DbContextOptions<GlanceDbContext>)new DbContextOptionsBuilder<GlanceDbContext>().UseGlanceSqlite(connectionString).Options;
}
