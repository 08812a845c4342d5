using Glance.Domain.Common;

namespace Glance.Domain.PropertyProtections;

/// <summary>Which section decides a property and what it allows, for one caller.</summary>
public sealed record ProtectionVerdict(
    string Property,
    int? SectionIndex,
    string? SectionPattern,
    IReadOnlyDictionary<PropertyOperation, bool> Allowed)
{
    /// <summary>Protections are off: no section, everything allowed.</summary>
    public bool Unprotected => SectionIndex is null && Allowed.Values.All(a => a);

    public string Explain(PropertyOperation operation) => (SectionPattern, Allowed[operation]) switch
    {
        (null, true) => "No property protections are active.",
        (null, false) => $"No section matches '{Property}', so nobody may {operation.ToWire()} it.",
        (var pattern, true) => $"Section [{pattern}] allows you to {operation.ToWire()} it.",
        (var pattern, false) => $"Section [{pattern}] does not allow you to {operation.ToWire()} it.",
    };
}

/// <summary>One verdict that a draft would change, for properties found on real images.</summary>
public sealed record ProtectionImpact(string Property, int Images, string Role, PropertyOperation Operation, bool Before, bool After);

/// <summary>Runs a rule set (the active one or a draft) for a caller without touching anything.</summary>
public sealed class ProtectionSimulator(PropertyProtectionEngine engine)
{
    public ProtectionVerdict Simulate(ProtectionRuleSet? rules, CallerContext caller, string property)
    {
        if (rules is null)
        {
            return new ProtectionVerdict(property, null, null, Enum.GetValues<PropertyOperation>().ToDictionary(o => o, _ => true));
        }
        var match = rules.Match(property);
        var allowed = Enum.GetValues<PropertyOperation>().ToDictionary(
            o => o,
            o => match is { } m && engine.Decide(rules.Format, m.Section.Rules[o], caller));
        return new ProtectionVerdict(property, match?.Index, match?.Section.Pattern, allowed);
    }

    /// <summary>
    /// Every verdict that differs between two sets, for each property name × single role (and a caller
    /// with no role at all) × operation.
    /// </summary>
    public IReadOnlyList<ProtectionImpact> Compare(ProtectionRuleSet? before, ProtectionRuleSet after,
        IReadOnlyList<(string Property, int Images)> properties, IEnumerable<string> roles)
    {
        var callers = roles.Select(r => r.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)
            .Select(r => (Name: r, Caller: new CallerContext("simulated", "simulated", [r])))
            .Append(("(no role)", new CallerContext("simulated", "simulated", [])))
            .ToList();
        var changes = new List<ProtectionImpact>();
        foreach (var (property, images) in properties)
        {
            foreach (var (name, caller) in callers)
            {
                var was = Simulate(before, caller, property);
                var will = Simulate(after, caller, property);
                foreach (var operation in Enum.GetValues<PropertyOperation>().Where(o => was.Allowed[o] != will.Allowed[o]))
                {
                    changes.Add(new ProtectionImpact(property, images, name, operation, was.Allowed[operation], will.Allowed[operation]));
                }
            }
        }
        return changes;
    }
}
