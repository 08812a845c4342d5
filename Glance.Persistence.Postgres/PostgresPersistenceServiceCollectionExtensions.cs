using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Glance.Persistence.Postgres;

public static class PostgresPersistenceServiceCollectionExtensions
{
    private static readonly UnreachableDatabaseTranslator Unreachable = new();

    /// <summary>
    /// The catalog on PostgreSQL (<paramref name="connectionString"/>, <c>ConnectionStrings:Glance</c>),
    /// with this assembly's migrations and its pg_trgm search indexes.
    /// </summary>
    public static IServiceCollection AddGlancePostgres(this IServiceCollection services, string connectionString)
    {
        services.AddPooledDbContextFactory<GlanceDbContext>(options => options.UseGlancePostgres(connectionString).AddInterceptors(Unreachable));
        services.TryAddSingleton<IDatabaseEngine, PostgresDatabaseEngine>();
        services.TryAddSingleton<ISearchIndex, PostgresSearchIndex>();
        return services;
    }
}
