using Glance.Domain.Configuration;
using Glance.Domain.ImageData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Glance.Stores.FileSystem;

public static class FileSystemStoreServiceCollectionExtensions
{
    /// <summary>The store id of the one filesystem store used when no stores are configured, as Glance's default <c>file</c> store.</summary>
    public const string DefaultId = "file";

    /// <summary>
    /// A filesystem store: by default the embedded one under <c>{DataDirectory}/images</c>; a relative
    /// <paramref name="root"/> is taken under the data folder when <paramref name="underDataDirectory"/>.
    /// </summary>
    public static IServiceCollection AddGlanceFileSystemStore(this IServiceCollection services, string id = DefaultId, string? root = null, bool underDataDirectory = false)
    {
        services.TryAddSingleton<FileSystemStoreFolders>();
        return services.AddSingleton<IImageStore>(provider =>
        {
            var data = provider.GetRequiredService<IOptions<GlanceOptions>>().Value.DataDirectoryFullPath;
            var folder = root is null ? Path.Combine(data, "images") : underDataDirectory ? Path.Combine(data, root) : root;
            return new FileSystemImageStore(id, provider.GetRequiredService<FileSystemStoreFolders>().Claim(id, folder));
        });
    }
}
