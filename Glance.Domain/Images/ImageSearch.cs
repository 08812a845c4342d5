namespace Glance.Domain.Images;

/// <summary>
/// The portal's search, beyond what Glance's list offers: words matched as case-insensitive
/// substrings of the name, description and property values; <c>-word</c> to exclude; and property
/// conditions <c>key=a|b</c> (any of the values) and <c>key!=a</c>. Double quotes keep spaces in a word.
/// </summary>
public sealed record ImageSearch(
    IReadOnlyList<string> Words,
    IReadOnlyList<string> ExcludedWords,
    IReadOnlyList<(string Key, IReadOnlyList<string> Values)> PropertyAnyOf,
    IReadOnlyList<(string Key, string Value)> PropertyNot)
{
    /// <summary>The first word, lower-cased: names beginning with it rank first in the default order.</summary>
    public string? RankPrefix => Words.Count > 0 ? Words[0].ToLowerInvariant() : null;

    public bool IsEmpty => Words.Count == 0 && ExcludedWords.Count == 0 && PropertyAnyOf.Count == 0 && PropertyNot.Count == 0;

    public static ImageSearch Parse(string? text)
    {
        var words = new List<string>();
        var excluded = new List<string>();
        var anyOf = new List<(string, IReadOnlyList<string>)>();
        var not = new List<(string, string)>();
        foreach (var token in Tokens(text ?? ""))
        {
            var notEqual = token.IndexOf("!=", StringComparison.Ordinal);
            var equal = token.IndexOf('=');
            if (notEqual > 0)
            {
                not.Add((token[..notEqual], token[(notEqual + 2)..]));
            }
            else if (equal > 0)
            {
                anyOf.Add((token[..equal], token[(equal + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries)));
            }
            else if (token.Length > 1 && token[0] == '-')
            {
                excluded.Add(token[1..]);
            }
            else
            {
                words.Add(token);
            }
        }
        return new ImageSearch(words, excluded, anyOf, not);
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}

/// <summary>How many images of the searched set fall in each value of the portal's facets.</summary>
public sealed record ImageFacets(
    IReadOnlyDictionary<string, int> Visibility,
    IReadOnlyDictionary<string, int> Status,
    IReadOnlyDictionary<string, int> DiskFormat,
    IReadOnlyDictionary<string, int> Owner,
    IReadOnlyDictionary<string, int> OsDistro,
    int Total);
