using Glance.Domain.Common;
using Microsoft.Extensions.Options;

namespace Glance.Domain.ImageData;

/// <summary>The configured image stores, by id; uploads that name none go to the default one.</summary>
public interface IImageStores
{
    IImageStore Default { get; }

    /// <summary>In the configuration's order (Glance lists <c>enabled_backends</c> so).</summary>
    IReadOnlyList<IImageStore> All { get; }

    /// <summary>Glance's multi-store API is on: more than one store is configured.</summary>
    bool MultiStore { get; }

    IImageStore? Find(string storeId);

    /// <summary>What the operator wrote about the store (<c>Description</c>), if anything.</summary>
    string? DescriptionOf(string storeId);
}

/// <summary>Every store the adapters registered; the default is <c>Glance:Stores:Default</c>, or the first that takes uploads.</summary>
internal sealed class ImageStores : IImageStores
{
    private readonly StoresOptions _options;

    public ImageStores(IEnumerable<IImageStore> stores, IOptions<StoresOptions> options)
    {
        _options = options.Value;
        All = stores.ToList();
        if (All.Count == 0)
        {
            throw new InvalidOperationException("No image store is configured.");
        }
        if (All.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException($"Two image stores have the id '{duplicate.Key}'.");
        }
        var writable = All.Where(s => s.Capabilities.HasFlag(StoreCapabilities.Write)).ToList();
        if (writable.Count == 0)
        {
            throw new InvalidOperationException($"No image store can take uploads ({string.Join(", ", All.Select(s => $"'{s.Id}' only reads"))}); configure one that can (filesystem, s3 or swift).");
        }
        Default = _options.Default is { } wanted ? Find(wanted) ?? writable[0] : writable[0];
        if (!Default.Capabilities.HasFlag(StoreCapabilities.Write))
        {
            // Every upload that names no store would be Glance's 410.
            throw new InvalidOperationException($"{StoresOptions.SectionName}:Default names '{Default.Id}', a store that only reads ({Default.Type}); name one that takes uploads.");
        }
    }

    public IImageStore Default { get; }

    public IReadOnlyList<IImageStore> All { get; }

    public bool MultiStore => All.Count > 1;

    public IImageStore? Find(string storeId) => All.FirstOrDefault(s => s.Id == storeId);

    public string? DescriptionOf(string storeId) =>
        _options.Backends.TryGetValue(storeId, out var backend) && !string.IsNullOrWhiteSpace(backend.Description) ? backend.Description : null;

    /// <summary>The store that keeps a location's data; a location of a store no longer configured cannot be read.</summary>
    public static IImageStore StoreOf(IImageStores stores, ImageLocation location) =>
        stores.Find(location.StoreId)
        ?? throw new StoreUnavailableException($"The data of image {location.ImageId} is in store '{location.StoreId}', which is not configured here.");

    /// <summary>
    /// Removes a location's data, unless its store cannot delete: data on a web server (an http store's)
    /// was never the service's, and stays where it is, as Glance leaves it (StoreDeleteNotSupported).
    /// </summary>
    public static Task DeleteDataAsync(IImageStore store, ImageLocation location, CancellationToken ct) =>
        store.Capabilities.HasFlag(StoreCapabilities.Delete) ? store.DeleteAsync(location.Url, ct) : Task.CompletedTask;
}
