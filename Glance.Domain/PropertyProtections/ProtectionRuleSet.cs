using System.Text.RegularExpressions;

namespace Glance.Domain.PropertyProtections;

/// <summary>
/// Who may do one operation: in the roles format a set of roles (compared case-insensitively), in the
/// policies format one policy rule name; <c>@</c> lets anyone, <c>!</c> (or an empty value) no one.
/// </summary>
public sealed record ProtectionRule(IReadOnlyList<string> Values)
{
    public bool Anyone => Values.Contains("@");

    public bool NoOne => Values.Contains("!") || Values.All(v => v.Length == 0);

    /// <summary>The value as the file writes it.</summary>
    public override string ToString() => string.Join(",", Values);
}

/// <summary>A section: a regular expression over property names and its rule for each operation.</summary>
public sealed record ProtectionSection(string Pattern, Regex Regex, IReadOnlyDictionary<PropertyOperation, ProtectionRule> Rules)
{
    /// <summary>Python's <c>re.search</c>: the pattern may match anywhere unless it anchors itself.</summary>
    public bool Matches(string propertyName) => Regex.IsMatch(propertyName);
}

/// <summary>
/// A parsed, valid rule set: sections tried in order, the first match deciding; a property no section
/// matches is closed to everyone (reference §6.1).
/// </summary>
public sealed class ProtectionRuleSet(ProtectionRuleFormat format, IReadOnlyList<ProtectionSection> sections)
{
    public ProtectionRuleFormat Format { get; } = format;

    public IReadOnlyList<ProtectionSection> Sections { get; } = sections;

    /// <summary>
    /// The first section whose pattern matches, with its position; null when none does. A pattern that
    /// runs out of time on the name (validation refuses those it can find) also gives null, so the
    /// property is closed to everyone, as an unmatched one is: never opened by a later section, and a
    /// read omits it instead of failing.
    /// </summary>
    public (ProtectionSection Section, int Index)? Match(string propertyName) => Match(propertyName, out _);

    /// <inheritdoc cref="Match(string)"/>
    /// <param name="timedOut">Whether a pattern ran out of time, so that the answer is no lasting one.</param>
    public (ProtectionSection Section, int Index)? Match(string propertyName, out bool timedOut)
    {
        timedOut = false;
        try
        {
            for (var i = 0; i < Sections.Count; i++)
            {
                if (Sections[i].Matches(propertyName))
                {
                    return (Sections[i], i);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            timedOut = true;
        }
        return null;
    }
}
