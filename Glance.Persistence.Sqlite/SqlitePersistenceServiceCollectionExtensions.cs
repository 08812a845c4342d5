using Glance.Domain.Configuration;
using Glance.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Glance.Persistence.Sqlite;

public static class SqlitePersistenceServiceCollectionExtensions
{
    private static readonly SqliteConnectionSettings ConnectionSettings = new();
    private static readonly DiskFullTranslator DiskFull = new();

    /// <summary>
    /// The embedded database: SQLite at <c>{DataDirectory}/glance.db</c>, with this assembly's
    /// migrations, its FTS5 search index, connection settings and planner statistics.
    /// </summary>
    public static IServiceCollection AddGlanceSqlite(this IServiceCollection services)
    {
        services.AddPooledDbContextFactory<GlanceDbContext>((provider, options) =>
        {
            var dataDirectory = provider.GetRequiredService<IOptions<GlanceOptions>>().Value.DataDirectoryFullPath;
            Directory.CreateDirectory(dataDirectory);
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "glance.db"),
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            };
            options.UseGlanceSqlite(connection.ToString()).AddInterceptors(ConnectionSettings, DiskFull);
        });
        services.TryAddSingleton<IDatabaseEngine, SqliteDatabaseEngine>();
        services.TryAddSingleton<ISearchIndex, SqliteSearchIndex>();
        services.AddHostedService<PlannerStatisticsRefresher>();
        return services;
    }
}
