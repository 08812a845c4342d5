namespace Glance.Domain.Images;

/// <summary>A tag on an image: one row per (image, tag); tags are a set.</summary>
public sealed class ImageTag(string value)
{
    public string ImageId { get; private set; } = "";

    public string Value { get; private set; } = value;
}
