using Glance.Persistence.Postgres;
using Glance.Persistence.Sqlite;

namespace Glance.Portal.Hosting;

public static class GlancePersistenceServiceCollectionExtensions
{
    public const string ProviderKey = "Glance:Database:Provider";
    public const string ConnectionStringName = "Glance";

    /// <summary>
    /// The database <c>Glance:Database:Provider</c> names: <c>sqlite</c> (the default, a file in the data
    /// folder) or <c>postgres</c> (<c>ConnectionStrings:Glance</c>). A value outside those stops start-up
    /// with the key's name, as every other invalid setting does.
    /// </summary>
    public static IServiceCollection AddGlancePersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[ProviderKey];
        switch (provider?.Trim().ToLowerInvariant())
        {
            case null or "" or "sqlite":
                return services.AddGlanceSqlite();
            case "postgres" or "postgresql":
                var connectionString = configuration.GetConnectionString(ConnectionStringName);
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException($"{ProviderKey} is 'postgres', so ConnectionStrings:{ConnectionStringName} must name the database (Host=…;Database=…;Username=…).");
                }
                return services.AddGlancePostgres(connectionString);
            default:
                throw new InvalidOperationException($"{ProviderKey} must be 'sqlite' or 'postgres', not '{provider}'.");
        }
    }
}
