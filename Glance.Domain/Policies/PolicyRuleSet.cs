using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Glance.Domain.Policies;

/// <summary>
/// A complete, checked set of named rules: the defaults with an operator's overrides on top. Building
/// one refuses syntax errors, references to unknown rules and rules that refer to themselves, naming
/// the rule, so a bad policy never becomes active.
/// </summary>
public sealed class PolicyRuleSet
{
    private PolicyRuleSet(IReadOnlyDictionary<string, PolicyCheck> rules, IReadOnlyDictionary<string, string> sources)
    {
        Rules = rules;
        Sources = sources;
    }

    public IReadOnlyDictionary<string, PolicyCheck> Rules { get; }

    /// <summary>Glance's <c>enforce_new_defaults</c>: the persona rules are the defaults.</summary>
    public bool SecureRbac { get; private init; }

    /// <summary>Each rule's check string as written.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    public static PolicyRuleSet Defaults(bool secureRbac = false) => Build(new Dictionary<string, string>(), secureRbac);

    /// <summary>Builds the rule set from the defaults and the overrides; throws <see cref="PolicyFileException"/> naming the bad rule.</summary>
    /// <param name="secureRbac">Glance's <c>enforce_new_defaults</c>: the persona rules instead of the legacy ones.</param>
    public static PolicyRuleSet Build(IReadOnlyDictionary<string, string> overrides, bool secureRbac = false)
    {
        var sources = new Dictionary<string, string>(secureRbac ? PolicyDefaults.SecureRbacRules : PolicyDefaults.Rules);
        foreach (var (name, check) in overrides)
        {
            sources[name] = check;
        }
        var rules = new Dictionary<string, PolicyCheck>();
        foreach (var (name, text) in sources)
        {
            try
            {
                rules[name] = PolicyParser.Parse(text);
            }
            catch (PolicySyntaxException ex)
            {
                throw new PolicyFileException($"Policy rule '{name}' is invalid: {ex.Message}");
            }
        }
        foreach (var (name, check) in rules)
        {
            foreach (var reference in check.RuleReferences.Where(r => !rules.ContainsKey(r)))
            {
                throw new PolicyFileException($"Policy rule '{name}' refers to the unknown rule '{reference}'.");
            }
            EnsureNoCycle(name, rules, []);
        }
        return new PolicyRuleSet(rules, sources) { SecureRbac = secureRbac };
    }

    /// <summary>Reads a policy file (YAML or JSON, a flat map of rule name to check string) and builds the rule set.</summary>
    public static PolicyRuleSet Load(string? path, bool secureRbac = false)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Defaults(secureRbac);
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PolicyFileException($"Policy file '{path}' cannot be read: {ex.Message}");
        }
        Dictionary<string, string?>? overrides;
        try
        {
            // YAML is a superset of JSON, so one reader serves both forms.
            overrides = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string?>>(text);
        }
        catch (YamlException ex)
        {
            throw new PolicyFileException($"Policy file '{path}' is not a YAML or JSON map of rule names to check strings: {ex.Message}");
        }
        var rules = (overrides ?? []).ToDictionary(p => p.Key, p => p.Value ?? "");
        try
        {
            return Build(rules, secureRbac);
        }
        catch (PolicyFileException ex)
        {
            throw new PolicyFileException($"{ex.Message} (in {path})");
        }
    }

    private static void EnsureNoCycle(string name, Dictionary<string, PolicyCheck> rules, HashSet<string> path)
    {
        if (!path.Add(name))
        {
            throw new PolicyFileException($"Policy rule '{path.First()}' refers back to itself through '{name}'.");
        }
        foreach (var reference in rules[name].RuleReferences.Distinct())
        {
            EnsureNoCycle(reference, rules, path);
        }
        path.Remove(name);
    }
}

public sealed class PolicyFileException(string message) : Exception(message);
