using Glance.Domain.ImageData;
using Glance.Stores.FileSystem;
using Glance.Stores.Http;
using Glance.Stores.S3;
using Glance.Stores.Swift;

namespace Glance.Portal.Hosting;

public static class GlanceStoresServiceCollectionExtensions
{
    /// <summary>
    /// The image stores <c>Glance:Stores:Backends</c> names, each by its type's adapter (filesystem, s3, swift, http); with none, one
    /// filesystem store (<c>file</c>) under the data folder, the embedded default. A backend of a type
    /// this build has no adapter for stops start-up naming its key.
    /// </summary>
    public static IServiceCollection AddGlanceStores(this IServiceCollection services, IConfiguration configuration)
    {
        var backends = configuration.GetSection($"{StoresOptions.SectionName}:Backends").GetChildren().ToList();
        if (backends.Count == 0)
        {
            return services.AddGlanceFileSystemStore();
        }
        foreach (var backend in backends)
        {
            var key = backend.Path;
            switch (backend["Type"]?.Trim().ToLowerInvariant())
            {
                case "filesystem" or "file":
                    var path = backend["Path"];
                    if (string.IsNullOrWhiteSpace(path))
                    {
                        throw new InvalidOperationException($"{key}:Path must name the folder of the filesystem store '{backend.Key}'.");
                    }
                    services.AddGlanceFileSystemStore(backend.Key, path, underDataDirectory: true);
                    break;
                case "s3":
                    services.AddGlanceS3Store(backend.Key, backend);
                    break;
                case "swift":
                    services.AddGlanceSwiftStore(backend.Key, backend);
                    break;
                case "http" or "https":
                    services.AddGlanceHttpStore(backend.Key, backend);
                    break;
                case null or "":
                    // The options' validation names the missing type.
                    break;
                default:
                    throw new InvalidOperationException($"{key}:Type must be 'filesystem', 's3', 'swift' or 'http', not '{backend["Type"]}'.");
            }
        }
        return services;
    }
}
