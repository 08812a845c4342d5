using System.Text;
using Glance.Domain.PropertyProtections;

namespace Glance.Portal.Components.Admin;

/// <summary>One section being edited: its pattern and the comma-separated value of each operation.</summary>
public sealed class DraftSection
{
    public string Pattern { get; set; } = "";

    public Dictionary<PropertyOperation, string> Values { get; } =
        Enum.GetValues<PropertyOperation>().ToDictionary(o => o, _ => "admin");
}

/// <summary>
/// The rule set as the editor holds it: ordered sections and a format. It becomes the INI text Glance
/// reads, and the domain validates, saves and simulates that text, so the editor never decides a rule.
/// </summary>
public sealed class RuleDraft
{
    public ProtectionRuleFormat Format { get; set; } = ProtectionRuleFormat.Roles;

    public List<DraftSection> Sections { get; } = [];

    public static RuleDraft From(ProtectionRuleSet? rules)
    {
        var draft = new RuleDraft { Format = rules?.Format ?? ProtectionRuleFormat.Roles };
        foreach (var section in rules?.Sections ?? [])
        {
            var copy = new DraftSection { Pattern = section.Pattern };
            foreach (var (operation, rule) in section.Rules)
            {
                copy.Values[operation] = rule.ToString();
            }
            draft.Sections.Add(copy);
        }
        return draft;
    }

    public void Move(int index, int by)
    {
        var target = index + by;
        if (target < 0 || target >= Sections.Count)
        {
            return;
        }
        (Sections[index], Sections[target]) = (Sections[target], Sections[index]);
    }

    /// <summary>What keeps the draft from being a file at all (a section without a pattern); the domain checks the rest.</summary>
    public IReadOnlyList<string> Incomplete() =>
        Sections.Select((s, i) => (s, i)).Where(p => p.s.Pattern.Trim().Length == 0)
            .Select(p => $"Section {p.i + 1} has no pattern yet.").ToList();

    public string ToIni()
    {
        var text = new StringBuilder();
        foreach (var section in Sections)
        {
            text.Append('[').Append(section.Pattern).Append("]\n");
            foreach (var operation in Enum.GetValues<PropertyOperation>())
            {
                text.Append(operation.ToWire()).Append(" = ").Append(section.Values[operation].Trim()).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>What a value means, for the chips: roles or a policy, <c>@</c> anyone, <c>!</c> or empty no one.</summary>
    public static IReadOnlyList<string> Describe(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0 || parts.Contains("!"))
        {
            return ["no one"];
        }
        return parts.Contains("@") ? ["anyone"] : parts;
    }
}
