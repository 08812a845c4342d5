using Glance.Domain.Common;
using Glance.Domain.ImageData;

namespace Glance.Portal.Api.V2.Wire;

/// <summary>
/// Reads the one byte range Glance serves from <c>Range: bytes=a-b</c>, <c>bytes=a-</c> or
/// <c>bytes=-n</c>, or from the legacy request header <c>Content-Range: bytes a-b/*</c>.
/// Several ranges are 400; anything unreadable is 416.
/// </summary>
internal static class ByteRangeHeader
{
    public static ByteRange? Read(HttpRequest request)
    {
        var range = request.Headers.Range.ToString();
        if (range.Length > 0)
        {
            return ParseRange(range);
        }
        var contentRange = request.Headers.ContentRange.ToString();
        return contentRange.Length > 0 ? ParseContentRange(contentRange) : null;
    }

    private static ByteRange ParseRange(string header)
    {
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsatisfiable();
        }
        var spec = header["bytes=".Length..].Trim();
        if (spec.Contains(','))
        {
            throw new ValidationException("Multiple ranges are not supported.");
        }
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            throw Unsatisfiable();
        }
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            return long.TryParse(last, out var suffix) && suffix > 0 ? new ByteRange(null, suffix) : throw Unsatisfiable();
        }
        if (!long.TryParse(first, out var start) || start < 0)
        {
            throw Unsatisfiable();
        }
        if (last.Length == 0)
        {
            return new ByteRange(start, null);
        }
        return long.TryParse(last, out var end) && end >= start ? new ByteRange(start, end) : throw Unsatisfiable();
    }

    private static ByteRange ParseContentRange(string header)
    {
        // "bytes a-b/*" or "bytes a-b/total"
        var value = header.Trim();
        if (!value.StartsWith("bytes ", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsatisfiable();
        }
        var spec = value["bytes ".Length..].Split('/')[0];
        var parts = spec.Split('-');
        if (parts.Length == 2 && long.TryParse(parts[0], out var start) && long.TryParse(parts[1], out var end) && start >= 0 && end >= start)
        {
            return new ByteRange(start, end);
        }
        throw Unsatisfiable();
    }

    private static RangeNotSatisfiableException Unsatisfiable() => new("Requested range not satisfiable.");
}
