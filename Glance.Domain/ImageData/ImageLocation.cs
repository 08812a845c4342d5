namespace Glance.Domain.ImageData;

/// <summary>Glance's location statuses: data in use, data to be removed, data removed.</summary>
public enum LocationStatus
{
    Active,
    PendingDelete,
    Deleted,
}

/// <summary>
/// One place an image's data lives (Glance's <c>image_locations</c>): the store that keeps it, the URL
/// the store gave it, the store's metadata, and its status. An image has one per store its data is in,
/// in the order the data landed.
/// </summary>
public sealed class ImageLocation
{
    private ImageLocation()
    {
        ImageId = StoreId = Url = Metadata = "";
    }

    internal ImageLocation(string imageId, string storeId, StoredData data, DateTime at)
    {
        ImageId = imageId;
        StoreId = storeId;
        Url = data.Url;
        Metadata = System.Text.Json.JsonSerializer.Serialize(data.Metadata);
        Status = LocationStatus.Active;
        CreatedAt = UpdatedAt = at;
    }

    public long Id { get; private set; }

    public string ImageId { get; private set; }

    public string StoreId { get; private set; }

    public string Url { get; private set; }

    /// <summary>The store's metadata about the data, as a JSON object.</summary>
    public string Metadata { get; private set; }

    public LocationStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }
}
