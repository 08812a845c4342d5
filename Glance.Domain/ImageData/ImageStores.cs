using Glance.Domain.Common;

namespace Glance.Domain.ImageData;

/// <summary>The configured image stores, by id; uploads that name none go to the default one.</summary>
public interface IImageStores
{
    IImageStore Default { get; }

    IReadOnlyList<IImageStore> All { get; }

    IImageStore? Find(string storeId);
}

/// <summary>Every store the adapters registered, the first being the default until the configuration names another.</summary>
internal sealed class ImageStores : IImageStores
{
    public ImageStores(IEnumerable<IImageStore> stores)
    {
        All = stores.ToList();
        if (All.Count == 0)
        {
            throw new InvalidOperationException("No image store is configured.");
        }
        var duplicate = All.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two image stores have the id '{duplicate.Key}'.");
        }
        Default = All[0];
    }

    public IImageStore Default { get; }

    public IReadOnlyList<IImageStore> All { get; }

    public IImageStore? Find(string storeId) => All.FirstOrDefault(s => s.Id == storeId);

    /// <summary>The store that keeps a location's data; a location of a store no longer configured cannot be read.</summary>
    public static IImageStore StoreOf(IImageStores stores, ImageLocation location) =>
        stores.Find(location.StoreId)
        ?? throw new StoreUnavailableException($"The data of image {location.ImageId} is in store '{location.StoreId}', which is not configured here.");
}
