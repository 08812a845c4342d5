using Glance.Domain.Common;
using Glance.Domain.Members;

namespace Glance.Domain.Images;

/// <summary>Turns Glance's list query parameters into an <see cref="ImageQuery"/>, refusing what Glance refuses (400).</summary>
public static class ImageQueryParser
{
    public static readonly IReadOnlySet<string> SortKeys = new HashSet<string>
    {
        "name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at",
    };

    public static ImageQuery Parse(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var all = parameters.ToList();
        var query = new ImageQuery
        {
            Limit = ParseLimit(Last(all, "limit")),
            Marker = Last(all, "marker"),
            Sort = ParseSort(all),
        };

        if (Last(all, "visibility") is { } visibility)
        {
            if (visibility == "all")
            {
                query = query with { AllVisibilities = true };
            }
            else if (ImageVisibilityNames.TryParse(visibility, out var only))
            {
                query = query with { Visibility = only };
            }
            else
            {
                throw new ValidationException($"Invalid visibility value: {visibility}");
            }
        }
        if (Last(all, "member_status") is { } memberStatus)
        {
            query = query with { MemberStatus = ParseMemberStatus(memberStatus) };
        }
        if (Last(all, "os_hidden") is { } hidden)
        {
            query = query with { OsHidden = ParseBoolean("os_hidden", hidden.ToLowerInvariant()) };
        }
        if (Last(all, "protected") is { } isProtected)
        {
            // Glance accepts only the lower-case words here, unlike os_hidden.
            query = query with { Protected = ParseBoolean("protected", isProtected) };
        }
        if (all.Any(p => p.Key == "changes-since"))
        {
            throw new ValidationException("The \"changes-since\" filter is no longer available on v2.");
        }

        var text = new List<TextFilter>();
        var numbers = new List<NumberFilter>();
        var dates = new List<DateFilter>();
        var properties = new Dictionary<string, string>();
        var tags = new List<string>();
        foreach (var (key, value) in all)
        {
            switch (key)
            {
                case "limit" or "marker" or "sort" or "sort_key" or "sort_dir" or "visibility" or "member_status" or "os_hidden" or "protected":
                    break;
                case "tag":
                    tags.Add(value);
                    break;
                case var k when ImageFilterParser.ListableTextFields.Contains(k):
                    text.Add(ImageFilterParser.ParseListable(k, value));
                    break;
                case var k when ImageFilterParser.ExactTextFields.Contains(k):
                    text.Add(new TextFilter(k, FilterOperator.Eq, [value]));
                    break;
                case var k when ImageFilterParser.NumberFields.Contains(k):
                    numbers.Add(ImageFilterParser.ParseNumber(k, FilterOperator.Eq, value));
                    break;
                case var k when k.EndsWith("_min", StringComparison.Ordinal) && ImageFilterParser.NumberFields.Contains(k[..^4]):
                    numbers.Add(ImageFilterParser.ParseNumber(k[..^4], FilterOperator.Gte, value));
                    break;
                case var k when k.EndsWith("_max", StringComparison.Ordinal) && ImageFilterParser.NumberFields.Contains(k[..^4]):
                    numbers.Add(ImageFilterParser.ParseNumber(k[..^4], FilterOperator.Lte, value));
                    break;
                case var k when ImageFilterParser.DateFields.Contains(k):
                    dates.Add(ImageFilterParser.ParseDate(k, value));
                    break;
                default:
                    properties[key] = value;
                    break;
            }
        }
        return query with { TextFilters = text, NumberFilters = numbers, DateFilters = dates, PropertyFilters = properties, Tags = tags };
    }

    private static string? Last(List<KeyValuePair<string, string>> all, string key) =>
        all.LastOrDefault(p => p.Key == key).Value;

    private static int? ParseLimit(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (!long.TryParse(value, out var limit))
        {
            throw new ValidationException("limit param must be an integer");
        }
        if (limit < 0)
        {
            throw new ValidationException("limit param must be positive");
        }
        return (int)Math.Min(limit, int.MaxValue);
    }

    private static List<SortKey> ParseSort(List<KeyValuePair<string, string>> all)
    {
        var keys = all.Where(p => p.Key == "sort_key").Select(p => p.Value).ToList();
        var dirs = all.Where(p => p.Key == "sort_dir").Select(p => p.Value).ToList();
        var sort = all.Where(p => p.Key == "sort").Select(p => p.Value).ToList();
        if (sort.Count > 0)
        {
            if (keys.Count > 0 || dirs.Count > 0)
            {
                throw new ValidationException("The 'sort' parameter is not supported together with 'sort_key' or 'sort_dir'.");
            }
            return sort.SelectMany(s => s.Split(',')).Select(ParseSortItem).ToList();
        }

        foreach (var dir in dirs)
        {
            EnsureDirection(dir);
        }
        if (dirs.Count > 1 && dirs.Count != keys.Count)
        {
            throw new ValidationException("Number of sort dirs does not match the number of sort keys");
        }
        var result = new List<SortKey>();
        for (var i = 0; i < keys.Count; i++)
        {
            EnsureSortKey(keys[i]);
            var dir = dirs.Count == 0 ? "desc" : dirs.Count == 1 ? dirs[0] : dirs[i];
            result.Add(new SortKey(keys[i], dir == "desc"));
        }
        if (keys.Count == 0 && dirs.Count == 1)
        {
            // A lone sort_dir applies to the default key.
            result.Add(new SortKey("created_at", dirs[0] == "desc"));
        }
        return result;
    }

    /// <summary>
    /// One <c>key[:dir]</c> of a <c>sort</c> value as Glance splits it (<c>partition(':')</c>, then both
    /// halves stripped): spaces around either are fine, and an empty direction means the default.
    /// </summary>
    private static SortKey ParseSortItem(string item)
    {
        var colon = item.IndexOf(':');
        var key = (colon < 0 ? item : item[..colon]).Trim();
        var dir = colon < 0 ? "" : item[(colon + 1)..].Trim();
        if (key.Length == 0)
        {
            throw new ValidationException($"Invalid sort value: {item}");
        }
        EnsureSortKey(key);
        if (dir.Length == 0)
        {
            dir = "desc";
        }
        EnsureDirection(dir);
        return new SortKey(key, dir == "desc");
    }

    private static void EnsureSortKey(string key)
    {
        if (!SortKeys.Contains(key))
        {
            throw new ValidationException($"Invalid sort key: {key}. It should be one of the following: {string.Join(", ", SortKeys)}.");
        }
    }

    private static void EnsureDirection(string dir)
    {
        if (dir is not ("asc" or "desc"))
        {
            throw new ValidationException($"Invalid sort direction: {dir}. It should be one of the following: asc, desc.");
        }
    }

    private static MemberStatus? ParseMemberStatus(string value)
    {
        if (value == "all")
        {
            return null;
        }
        return MemberStatusNames.TryParse(value, out var status) ? status : throw new ValidationException($"Invalid status: {value}");
    }

    private static bool ParseBoolean(string name, string value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => throw new ValidationException($"Invalid value '{value}' for parameter '{name}': expected true or false."),
    };

}
