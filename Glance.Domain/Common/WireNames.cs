namespace Glance.Domain.Common;

/// <summary>Reads an enum back from the lower-case name Glance uses on the wire and in its database.</summary>
public static class WireNames
{
    public static bool TryParse<T>(string value, Func<T, string> toWire, out T result) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (toWire(candidate) == value)
            {
                result = candidate;
                return true;
            }
        }
        result = default;
        return false;
    }
}
