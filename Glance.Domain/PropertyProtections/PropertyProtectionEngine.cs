using System.Collections.Concurrent;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Policies;

namespace Glance.Domain.PropertyProtections;

/// <summary>
/// Decides, with the active rule set, whether a caller may create, read, update or delete a custom
/// property. Without an active set every property is open, as in Glance without a protection file.
/// A new set takes effect for the next check: the API and the portal share this one instance.
/// </summary>
public sealed class PropertyProtectionEngine(PolicyEngine policies)
{
    private volatile Active? _active;

    /// <summary>The active set and its version number; null while properties are unprotected.</summary>
    public (ProtectionRuleSet Rules, int Version)? Current => _active is { } active ? (active.Rules, active.Version) : null;

    internal void Activate(ProtectionRuleSet rules, int version) => _active = new Active(rules, version);

    public bool IsAllowed(CallerContext caller, string property, PropertyOperation operation)
    {
        if (_active is not { } active)
        {
            return true;
        }
        // A property no section matches is closed to everyone, admins included.
        return active.SectionOf(property) is { } section && Decide(active.Rules.Format, section.Rules[operation], caller);
    }

    /// <summary>Which of <paramref name="names"/> the caller may not read, for a query over property values.</summary>
    public PropertyReadScope ReadScope(CallerContext caller, IEnumerable<string> names)
    {
        if (_active is null)
        {
            return PropertyReadScope.Everything;
        }
        var hidden = names.Where(n => !IsAllowed(caller, n, PropertyOperation.Read)).ToHashSet(StringComparer.Ordinal);
        return hidden.Count == 0 ? PropertyReadScope.Everything : new PropertyReadScope(hidden);
    }

    /// <summary>
    /// Leaves out of a loaded image the properties the caller may not read (reference §6.2: they are
    /// silently omitted). Only for images on their way out: nothing saves them afterwards.
    /// </summary>
    public Image HideUnreadable(CallerContext caller, Image image)
    {
        if (_active is not null)
        {
            image.Properties.RemoveAll(p => !IsAllowed(caller, p.Name, PropertyOperation.Read));
        }
        return image;
    }

    /// <summary>The verdict of one rule for a caller: also what the simulator asks of a draft.</summary>
    internal bool Decide(ProtectionRuleFormat format, ProtectionRule rule, CallerContext caller)
    {
        if (rule.Anyone)
        {
            return true;
        }
        if (rule.NoOne)
        {
            return false;
        }
        if (format == ProtectionRuleFormat.Roles)
        {
            return rule.Values.Any(caller.HasRole);
        }
        // Glance registers "section:op" as "rule:<name>" and checks it with an empty target; a rule
        // nobody defined is false, as oslo.policy's rule check is.
        var name = rule.Values[0];
        return policies.RuleSet.Rules.ContainsKey(name) && policies.IsAllowed(name, caller, new Dictionary<string, string?>());
    }

    public bool IsPolicyDefined(string name) => policies.RuleSet.Rules.ContainsKey(name);

    /// <summary>The rule set with a memo of which section each property name falls in.</summary>
    private sealed class Active(ProtectionRuleSet rules, int version)
    {
        // Names come from requests too (a list filter may name any key), so the memo stops growing.
        private const int MemoLimit = 10_000;

        private readonly ConcurrentDictionary<string, int> _sections = new(StringComparer.Ordinal);

        public ProtectionRuleSet Rules { get; } = rules;

        public int Version { get; } = version;

        public ProtectionSection? SectionOf(string property)
        {
            if (!_sections.TryGetValue(property, out var index))
            {
                index = Rules.Match(property, out var timedOut)?.Index ?? -1;
                // A timeout on a busy machine closes the property for this request only.
                if (!timedOut && _sections.Count < MemoLimit)
                {
                    _sections.TryAdd(property, index);
                }
            }
            return index < 0 ? null : Rules.Sections[index];
        }
    }
}
