namespace Glance.Domain.Policies;

/// <summary>What a rule is evaluated against: the caller's credentials and the target's fields.</summary>
public sealed record PolicyContext(
    IReadOnlyDictionary<string, string?> Credentials,
    IReadOnlySet<string> Roles,
    IReadOnlyDictionary<string, string?> Target,
    Func<string, PolicyContext, bool> EvaluateRule);

/// <summary>A parsed oslo.policy check string: a tree of checks joined by and, or, not.</summary>
public abstract record PolicyCheck
{
    public abstract bool Evaluate(PolicyContext context);

    /// <summary>The names this check refers to with <c>rule:</c>, for validation.</summary>
    public virtual IEnumerable<string> RuleReferences => [];
}

public sealed record TrueCheck : PolicyCheck
{
    public override bool Evaluate(PolicyContext context) => true;

    public override string ToString() => "@";
}

public sealed record FalseCheck : PolicyCheck
{
    public override bool Evaluate(PolicyContext context) => false;

    public override string ToString() => "!";
}

public sealed record AndCheck(IReadOnlyList<PolicyCheck> Checks) : PolicyCheck
{
    public override bool Evaluate(PolicyContext context) => Checks.All(c => c.Evaluate(context));

    public override IEnumerable<string> RuleReferences => Checks.SelectMany(c => c.RuleReferences);

    public override string ToString() => "(" + string.Join(" and ", Checks) + ")";
}

public sealed record OrCheck(IReadOnlyList<PolicyCheck> Checks) : PolicyCheck
{
    public override bool Evaluate(PolicyContext context) => Checks.Any(c => c.Evaluate(context));

    public override IEnumerable<string> RuleReferences => Checks.SelectMany(c => c.RuleReferences);

    public override string ToString() => "(" + string.Join(" or ", Checks) + ")";
}

public sealed record NotCheck(PolicyCheck Check) : PolicyCheck
{
    public override bool Evaluate(PolicyContext context) => !Check.Evaluate(context);

    public override IEnumerable<string> RuleReferences => Check.RuleReferences;

    public override string ToString() => $"not {Check}";
}

/// <summary><c>rule:name</c>: the named rule's verdict.</summary>
public sealed record RuleCheck(string Name) : PolicyCheck
{
    public override bool Evaluate(PolicyContext context) => context.EvaluateRule(Name, context);

    public override IEnumerable<string> RuleReferences => [Name];

    public override string ToString() => $"rule:{Name}";
}

/// <summary><c>role:name</c>: the caller has the role (compared case-insensitively, as oslo.policy does).</summary>
public sealed record RoleCheck(string Match) : PolicyCheck
{
    public override bool Evaluate(PolicyContext context) =>
        GenericCheck.Expand(Match, context.Target) is { } role && context.Roles.Contains(role.ToLowerInvariant());

    public override string ToString() => $"role:{Match}";
}

/// <summary>
/// <c>kind:match</c>: a credential (<c>project_id</c>, <c>user_id</c>, <c>is_admin</c>) or a quoted
/// literal on the left, compared with a literal or a <c>%(field)s</c> target field on the right.
/// </summary>
public sealed record GenericCheck(string Kind, string Match) : PolicyCheck
{
    public override bool Evaluate(PolicyContext context)
    {
        var expected = Expand(Match, context.Target);
        if (expected is null)
        {
            return false;
        }
        if (Kind.Length >= 2 && Kind[0] is '\'' or '"' && Kind[^1] == Kind[0])
        {
            return Kind[1..^1] == expected;
        }
        return context.Credentials.TryGetValue(Kind, out var actual) && actual is not null && actual == expected;
    }

    /// <summary>Substitutes <c>%(field)s</c> from the target; null when the field is missing or null.</summary>
    public static string? Expand(string match, IReadOnlyDictionary<string, string?> target)
    {
        if (match.StartsWith("%(", StringComparison.Ordinal) && match.EndsWith(")s", StringComparison.Ordinal))
        {
            return target.TryGetValue(match[2..^2], out var value) ? value : null;
        }
        return match;
    }

    public override string ToString() => $"{Kind}:{Match}";
}
