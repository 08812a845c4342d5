namespace Glance.Domain.Images;

/// <summary>
/// A custom property name that some image has, or had: the short list a search checks against the
/// caller's property protections before it reads property values (<see cref="PropertyReadScope"/>).
/// Kept by a trigger on image_properties (migration PropertyNames), never written by EF.
/// </summary>
public sealed class ImagePropertyName
{
    public string Name { get; private set; } = "";
}
