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

/// <summary>Every store the adapters registered; the default is <c>Glance:Stores:Default</c>, or the first.</summary>
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
        Default = _options.Default is { } wanted ? Find(wanted) ?? All[0] : All[0];
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
}
