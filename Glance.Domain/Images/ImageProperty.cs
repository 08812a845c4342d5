namespace Glance.Domain.Images;

/// <summary>A custom (extra) property of an image: one row per key.</summary>
public sealed class ImageProperty
{
    public ImageProperty(string name, string? value)
    {
        Name = name;
        Value = value;
    }

    public string ImageId { get; private set; } = "";

    public string Name { get; private set; }

    /// <summary>Null only for legacy rows; shown as an empty string, as Glance does.</summary>
    public string? Value { get; internal set; }
}
