using System.Text.RegularExpressions;

namespace Glance.Domain.PropertyProtections;

/// <summary>
/// Warnings about a valid rule set that probably does not say what its author means: sections that
/// can never match because an earlier one takes every name they would, no catch-all section (so
/// unmatched properties are closed to everyone), and roles or policies nobody has.
/// </summary>
public static class ProtectionLint
{
    /// <summary>Names a catch-all section must match; a pattern matching all of them (and the empty name) is taken as one.</summary>
    private static readonly string[] s_probes = ["", "a", "Z9", "x_y", "os_distro", "hw-disk.bus", "_", "x_billing_code"];

    public static IReadOnlyList<string> Check(ProtectionRuleSet rules, IReadOnlyCollection<string> knownRoles, Func<string, bool> policyDefined)
    {
        var warnings = new List<string>();
        for (var later = 0; later < rules.Sections.Count; later++)
        {
            var section = rules.Sections[later];
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (Shadows(rules.Sections[earlier], section))
                {
                    warnings.Add($"Section [{section.Pattern}] can never match: the earlier section [{rules.Sections[earlier].Pattern}] takes every name it would.");
                    break;
                }
            }
        }
        if (!rules.Sections.Any(IsCatchAll))
        {
            warnings.Add("No catch-all section: a property that no section matches is closed to everyone, admins included. End with a [.*] section to decide them explicitly.");
        }
        var known = knownRoles.Select(r => r.ToLowerInvariant()).ToHashSet();
        foreach (var section in rules.Sections)
        {
            foreach (var (operation, rule) in section.Rules)
            {
                foreach (var value in rule.Values.Where(v => v is not ("@" or "!" or "")))
                {
                    if (rules.Format == ProtectionRuleFormat.Roles && !known.Contains(value.ToLowerInvariant()))
                    {
                        warnings.Add($"Section [{section.Pattern}], {operation.ToWire()}: no user has the role '{value}'.");
                    }
                    else if (rules.Format == ProtectionRuleFormat.Policies && !policyDefined(value))
                    {
                        warnings.Add($"Section [{section.Pattern}], {operation.ToWire()}: the policy '{value}' is not defined, so it refuses everyone.");
                    }
                }
            }
        }
        return warnings;
    }

    public static bool IsCatchAll(ProtectionSection section) => s_probes.All(section.Matches);

    /// <summary>
    /// Certain cases only: the same pattern, an earlier catch-all, or a later section that names one
    /// exact property (<c>^name$</c>) the earlier pattern already matches.
    /// </summary>
    private static bool Shadows(ProtectionSection earlier, ProtectionSection later)
    {
        if (earlier.Pattern == later.Pattern || IsCatchAll(earlier))
        {
            return true;
        }
        return ExactName(later.Pattern) is { } name && earlier.Matches(name);
    }

    private static string? ExactName(string pattern)
    {
        if (pattern.Length < 3 || pattern[0] != '^' || pattern[^1] != '$')
        {
            return null;
        }
        var body = pattern[1..^1];
        try
        {
            var name = Regex.Unescape(body);
            return Regex.Escape(name) == body ? name : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
