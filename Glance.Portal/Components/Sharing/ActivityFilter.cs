using System.Globalization;
using Glance.Domain.Audit;
using Microsoft.AspNetCore.WebUtilities;

namespace Glance.Portal.Components.Sharing;

/// <summary>The activity page's filters, read from and written to its URL.</summary>
public sealed record ActivityFilter
{
    public IReadOnlySet<AuditKind> Kinds { get; init; } = new HashSet<AuditKind>();

    public string? Image { get; init; }

    public string? Actor { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public bool IsEmpty => Kinds.Count == 0 && Image is null && Actor is null && From is null && To is null;

    public ActivityFilter Toggle(AuditKind kind) =>
        this with { Kinds = Kinds.Contains(kind) ? Kinds.Where(k => k != kind).ToHashSet() : Kinds.Append(kind).ToHashSet() };

    /// <summary>Unknown kinds and dates that do not parse are left out rather than refused: the page shows what it can.</summary>
    public static ActivityFilter Read(string[]? kinds, string? image, string? actor, string? from, string? to) => new()
    {
        Kinds = (kinds ?? []).SelectMany(k => Enum.GetValues<AuditKind>().Where(kind => string.Equals(kind.ToString(), k, StringComparison.OrdinalIgnoreCase)))
            .ToHashSet(),
        Image = string.IsNullOrWhiteSpace(image) ? null : image,
        Actor = string.IsNullOrWhiteSpace(actor) ? null : actor,
        From = Day(from),
        To = Day(to),
    };

    /// <summary>Whole days in UTC: "to" includes its day.</summary>
    public AuditQuery ToQuery() => new()
    {
        Kinds = Kinds,
        ImageId = Image,
        Actor = Actor,
        Since = From,
        Until = To?.AddDays(1),
    };

    public string ToUrl()
    {
        var query = new List<KeyValuePair<string, string?>>();
        query.AddRange(Kinds.Order().Select(k => KeyValuePair.Create("kind", (string?)k.ToString().ToLowerInvariant())));
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                query.Add(KeyValuePair.Create(key, (string?)value));
            }
        }
        Add("image", Image);
        Add("who", Actor);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return QueryHelpers.AddQueryString("activity", query);
    }

    /// <summary>A day from 0001-01-01 to 9999-12-30, so that the day after "to" still exists.</summary>
    private static DateTime? Day(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)
            && day.Date < DateTime.MaxValue.Date
            ? DateTime.SpecifyKind(day.Date, DateTimeKind.Utc) : null;
}
