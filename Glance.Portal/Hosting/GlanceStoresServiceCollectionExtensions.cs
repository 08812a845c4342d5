using Glance.Stores.FileSystem;

namespace Glance.Portal.Hosting;

public static class GlanceStoresServiceCollectionExtensions
{
    /// <summary>The image stores: one filesystem store under the data folder, the embedded default.</summary>
    public static IServiceCollection AddGlanceStores(this IServiceCollection services, IConfiguration configuration) =>
        services.AddGlanceFileSystemStore();
}
