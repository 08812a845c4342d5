using Glance.Domain.Common;

namespace Glance.Domain.Images;

/// <summary>Who may use an image besides its owner (Glance API 2.5 values).</summary>
public enum ImageVisibility
{
    Public,
    Community,
    Shared,
    Private,
}

public static class ImageVisibilityNames
{
    public static string ToWire(this ImageVisibility visibility) => visibility.ToString().ToLowerInvariant();

    public static bool TryParse(string value, out ImageVisibility visibility) => WireNames.TryParse(value, ToWire, out visibility);
}
