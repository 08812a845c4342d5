using Glance.Persistence.Sqlite;

namespace Glance.Portal.Hosting;

public static class GlancePersistenceServiceCollectionExtensions
{
    /// <summary>The database the configuration names; SQLite in the data folder by default.</summary>
    public static IServiceCollection AddGlancePersistence(this IServiceCollection services, IConfiguration configuration) =>
        services.AddGlanceSqlite();
}
