using System.Text.RegularExpressions;

namespace Glance.Domain.PropertyProtections;

/// <summary>A rule file that Glance would refuse; the message names the section.</summary>
public sealed class ProtectionRuleException(IReadOnlyList<string> errors)
    : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Reads Glance's property-protection file: INI as Python's configparser reads it (sections in
/// brackets, <c>key = value</c> or <c>key: value</c>, <c>#</c> and <c>;</c> comments, keys
/// case-insensitive, indented lines continuing a value), then Glance's checks (glance/common/
/// property_utils.py): a valid regex per section, all four operations, no <c>@</c> with <c>!</c>,
/// one policy per value in the policies format.
/// </summary>
public static class ProtectionRuleParser
{
    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromMilliseconds(100);

    public static ProtectionRuleSet Parse(string text, ProtectionRuleFormat format)
    {
        var (set, errors) = TryParse(text, format);
        return set ?? throw new ProtectionRuleException(errors);
    }

    /// <summary>The rule set, or every problem found (each naming its section and line).</summary>
    public static (ProtectionRuleSet? Set, IReadOnlyList<string> Errors) TryParse(string text, ProtectionRuleFormat format)
    {
        var errors = new List<string>();
        var sections = new List<(string Name, int Line, Dictionary<string, string> Values)>();
        Dictionary<string, string>? current = null;
        string? lastKey = null;
        var lineNumber = 0;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                lastKey = null;
                continue;
            }
            if (char.IsWhiteSpace(raw[0]) && current is not null && lastKey is not null)
            {
                current[lastKey] += "\n" + line;
                continue;
            }
            if (line[0] == '[' && line.LastIndexOf(']') > 1)
            {
                var name = line[1..line.LastIndexOf(']')];
                if (sections.Any(s => s.Name == name))
                {
                    errors.Add($"Section [{name}] appears twice (line {lineNumber}).");
                }
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                sections.Add((name, lineNumber, current));
                lastKey = null;
                continue;
            }
            var delimiter = line.IndexOfAny(['=', ':']);
            if (current is null)
            {
                errors.Add($"Line {lineNumber} is outside any section.");
                continue;
            }
            if (delimiter <= 0)
            {
                errors.Add($"Section [{sections[^1].Name}]: line {lineNumber} is not 'operation = value'.");
                continue;
            }
            var key = line[..delimiter].Trim().ToLowerInvariant();
            if (!current.TryAdd(key, line[(delimiter + 1)..].Trim()))
            {
                errors.Add($"Section [{sections[^1].Name}]: '{key}' is given twice (line {lineNumber}).");
            }
            lastKey = key;
        }

        var parsed = new List<ProtectionSection>();
        foreach (var (name, line, values) in sections)
        {
            if (Section(name, line, values, format, errors) is { } section)
            {
                parsed.Add(section);
            }
        }
        return errors.Count == 0 ? (new ProtectionRuleSet(format, parsed), errors) : (null, errors);
    }

    private static ProtectionSection? Section(string name, int line, Dictionary<string, string> values, ProtectionRuleFormat format, List<string> errors)
    {
        var count = errors.Count;
        Regex? regex = null;
        try
        {
            regex = new Regex(FromPython(name), RegexOptions.CultureInvariant, s_matchTimeout);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"Section [{name}] (line {line}): not a valid regular expression: {ex.Message}");
        }
        if (regex is not null && TimesOut(regex, name))
        {
            errors.Add($"Section [{name}] (line {line}): the regular expression takes longer than {s_matchTimeout.TotalMilliseconds} ms " +
                       "to match a property name (nested repetition such as (a+)+ backtracks without end); write it without that.");
        }
        foreach (var unknown in values.Keys.Where(k => !Enum.GetValues<PropertyOperation>().Any(o => o.ToWire() == k)))
        {
            errors.Add($"Section [{name}] (line {line}): '{unknown}' is not an operation (create, read, update, delete).");
        }
        var rules = new Dictionary<PropertyOperation, ProtectionRule>();
        foreach (var operation in Enum.GetValues<PropertyOperation>())
        {
            if (!values.TryGetValue(operation.ToWire(), out var value))
            {
                errors.Add($"Section [{name}] (line {line}): the '{operation.ToWire()}' operation is missing.");
                continue;
            }
            var permissions = value.Split(',').Select(p => p.Trim()).ToList();
            if (permissions.Contains("@") && permissions.Contains("!"))
            {
                errors.Add($"Section [{name}] (line {line}): '{operation.ToWire()}' gives both '@' and '!'.");
            }
            if (format == ProtectionRuleFormat.Policies && permissions.Count > 1)
            {
                errors.Add($"Section [{name}] (line {line}): '{operation.ToWire()}' names several policies; the policies format takes one.");
            }
            rules[operation] = new ProtectionRule(permissions);
        }
        return errors.Count == count ? new ProtectionSection(name, regex!, rules) : null;
    }

    /// <summary>
    /// Tries the pattern on the names that make a backtracking pattern blow up: long runs of each
    /// character it names (and of a few common ones), whole and with a character that breaks the match
    /// at the end, as long as a property name can be. A pattern that survives these matches every name
    /// in time in practice; one that does not would otherwise fail the reads and lists of every image
    /// holding such a name.
    /// </summary>
    private static bool TimesOut(Regex regex, string pattern)
    {
        const int longest = 255;
        var characters = pattern.Where(char.IsLetterOrDigit).Concat("a0_-.: x").Distinct();
        try
        {
            foreach (var c in characters)
            {
                var run = new string(c, longest);
                regex.IsMatch(run);
                regex.IsMatch(run[1..] + "!");
                regex.IsMatch("x_" + run[3..] + "!");
            }
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>Python's named-group syntax in .NET's spelling; the rest of the usual syntax is shared.</summary>
    private static string FromPython(string pattern) =>
        Regex.Replace(pattern.Replace("(?P<", "(?<"), @"\(\?P=(\w+)\)", @"\k<$1>");
}
