using Glance.Domain.Common;
using Microsoft.Extensions.Options;

namespace Glance.Domain.Policies;

/// <summary>Decides a named rule for a caller and a target, with the active rule set.</summary>
public sealed class PolicyEngine
{
    public PolicyEngine(IOptions<PolicyOptions> options)
        : this(PolicyRuleSet.Load(options.Value.File, options.Value.EnforceNewDefaults))
    {
    }

    public PolicyEngine(PolicyRuleSet rules)
    {
        RuleSet = rules;
    }

    public PolicyRuleSet RuleSet { get; }

    /// <summary>Glance's <c>context.is_admin</c>: the <c>context_is_admin</c> rule.</summary>
    public bool IsAdmin(CallerContext caller) => IsAllowed("context_is_admin", caller, new Dictionary<string, string?>());

    public bool IsAllowed(string rule, CallerContext caller, IReadOnlyDictionary<string, string?> target)
    {
        var credentials = new Dictionary<string, string?>
        {
            ["user_id"] = caller.UserId,
            ["project_id"] = caller.ProjectId,
            ["tenant"] = caller.ProjectId,
            // oslo.policy compares generic checks as strings, and Python spells booleans this way.
            ["is_admin"] = Evaluate("context_is_admin", new PolicyContext(new Dictionary<string, string?>(), caller.Roles, target, Evaluate)) ? "True" : "False",
        };
        return Evaluate(rule, new PolicyContext(credentials, caller.Roles, target, Evaluate));
    }

    /// <summary>Throws 403 with Glance's wording when the rule refuses.</summary>
    public void Enforce(string rule, CallerContext caller, IReadOnlyDictionary<string, string?> target)
    {
        if (!IsAllowed(rule, caller, target))
        {
            throw new ForbiddenException($"You are not authorized to complete {rule} action.", rule);
        }
    }

    private bool Evaluate(string rule, PolicyContext context)
    {
        // As in oslo.policy, a rule nobody defined falls back to the default rule.
        var check = RuleSet.Rules.TryGetValue(rule, out var found) ? found : RuleSet.Rules["default"];
        return check.Evaluate(context);
    }
}
