using Glance.Domain.Configuration;
using Glance.Domain.ImageData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Glance.Stores.FileSystem;

public static class FileSystemStoreServiceCollectionExtensions
{
    /// <summary>The store id of the one filesystem store used when no stores are configured, as Glance's default <c>file</c> store.</summary>
    public const string DefaultId = "file";

    /// <summary>A filesystem store under <c>{DataDirectory}/images</c>: the embedded default.</summary>
    public static IServiceCollection AddGlanceFileSystemStore(this IServiceCollection services, string id = DefaultId, string? root = null) =>
        services.AddSingleton<IImageStore>(provider => new FileSystemImageStore(id,
            root ?? Path.Combine(provider.GetRequiredService<IOptions<GlanceOptions>>().Value.DataDirectoryFullPath, "images")));
}
