using System.Globalization;
using System.Text;
using Glance.Domain.Common;

namespace Glance.Domain.Images;

public enum FilterOperator
{
    Eq,
    Neq,
    In,
    Gt,
    Gte,
    Lt,
    Lte,
}

/// <summary>A filter on a text column: <c>name</c>, <c>id</c>, <c>status</c>, formats, <c>owner</c>, hashes.</summary>
public sealed record TextFilter(string Field, FilterOperator Op, IReadOnlyList<string> Values);

/// <summary>A filter on a numeric column: exact (<c>size=5</c>) or a bound (<c>size_min</c>, <c>size_max</c>).</summary>
public sealed record NumberFilter(string Field, FilterOperator Op, long Value);

/// <summary>A filter on <c>created_at</c> or <c>updated_at</c> with one of Glance's comparison operators.</summary>
public sealed record DateFilter(string Field, FilterOperator Op, DateTime Value);

/// <summary>Reads filter values with Glance's operator syntax (glance/common/utils.py <c>split_filter_op</c>, <c>split_filter_value_for_quotes</c>).</summary>
public static class ImageFilterParser
{
    /// <summary>Text columns that take <c>in:</c> and <c>eq:</c>.</summary>
    public static readonly IReadOnlySet<string> ListableTextFields = new HashSet<string> { "name", "id", "status", "container_format", "disk_format" };

    /// <summary>Text columns matched exactly, whatever the value holds.</summary>
    public static readonly IReadOnlySet<string> ExactTextFields = new HashSet<string> { "owner", "checksum", "os_hash_value" };

    public static readonly IReadOnlySet<string> NumberFields = new HashSet<string> { "size", "virtual_size", "min_ram", "min_disk" };

    public static readonly IReadOnlySet<string> DateFields = new HashSet<string> { "created_at", "updated_at" };

    public static TextFilter ParseListable(string field, string value)
    {
        var (op, operand) = SplitOperator(value);
        return op switch
        {
            null or "eq" => new TextFilter(field, FilterOperator.Eq, [operand]),
            "in" => new TextFilter(field, FilterOperator.In, SplitQuoted(operand)),
            _ => throw UnknownOperator(op),
        };
    }

    public static NumberFilter ParseNumber(string field, FilterOperator op, string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? new NumberFilter(field, op, number)
            : throw new ValidationException(op == FilterOperator.Eq
                ? $"Invalid value for '{field}': {value} is not an integer."
                : "Unable to filter on a range with a non-numeric value.");

    public static DateFilter ParseDate(string field, string value)
    {
        // A bare timestamp holds colons itself; it means eq.
        var (op, operand) = TryDate(value, out _) ? (null, value) : SplitOperator(value);
        var parsed = op switch
        {
            null or "eq" => FilterOperator.Eq,
            "neq" => FilterOperator.Neq,
            "gt" => FilterOperator.Gt,
            "gte" => FilterOperator.Gte,
            "lt" => FilterOperator.Lt,
            "lte" => FilterOperator.Lte,
            _ => throw UnknownOperator(op),
        };
        return TryDate(operand, out var date)
            ? new DateFilter(field, parsed, date)
            : throw new ValidationException($"Bad \"{field}\" query filter format. Use ISO 8601 DateTime notation.");
    }

    private static (string? Op, string Operand) SplitOperator(string value)
    {
        var colon = value.IndexOf(':');
        return colon < 0 ? (null, value) : (value[..colon], value[(colon + 1)..]);
    }

    private static bool TryDate(string value, out DateTime utc)
    {
        if (value.Length >= 10 && char.IsAsciiDigit(value[0])
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }
        utc = default;
        return false;
    }

    /// <summary>Comma-separated values, each may be double-quoted to hold commas: <c>"glass, darkly",share me</c>.</summary>
    public static List<string> SplitQuoted(string list)
    {
        var values = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            if (c == '"')
            {
                if (quoted)
                {
                    quoted = false;
                    if (i + 1 < list.Length && list[i + 1] != ',')
                    {
                        throw new ValidationException($"Invalid filter value {list}. There is no comma after closing quotation mark.");
                    }
                }
                else if (current.Length == 0 && !wasQuoted)
                {
                    quoted = wasQuoted = true;
                }
                else
                {
                    throw new ValidationException($"Invalid filter value {list}. The quote is not closed or is misplaced.");
                }
            }
            else if (c == ',' && !quoted)
            {
                values.Add(current.ToString());
                current.Clear();
                wasQuoted = false;
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
        {
            throw new ValidationException($"Invalid filter value {list}. The quote is not closed.");
        }
        values.Add(current.ToString());
        return values;
    }

    private static ValidationException UnknownOperator(string? op) => new($"Unable to filter by unknown operator '{op}'.");
}
