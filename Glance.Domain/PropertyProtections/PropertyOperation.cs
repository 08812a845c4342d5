namespace Glance.Domain.PropertyProtections;

/// <summary>The four operations a property-protection section rules on.</summary>
public enum PropertyOperation
{
    Create,
    Read,
    Update,
    Delete,
}

public static class PropertyOperationNames
{
    public static string ToWire(this PropertyOperation operation) => operation.ToString().ToLowerInvariant();
}

/// <summary>Glance's <c>property_protection_rule_format</c>.</summary>
public enum ProtectionRuleFormat
{
    /// <summary>Each value lists roles; <c>@</c> is anyone, <c>!</c> no one.</summary>
    Roles,

    /// <summary>Each value names one policy rule, evaluated by the policy engine.</summary>
    Policies,
}

public static class ProtectionRuleFormatNames
{
    public static string ToWire(this ProtectionRuleFormat format) => format.ToString().ToLowerInvariant();

    public static ProtectionRuleFormat Parse(string value) =>
        TryParse(value, out var format) ? format : throw new InvalidOperationException($"Unknown rule format '{value}'.");

    public static bool TryParse(string? value, out ProtectionRuleFormat format)
    {
        format = ProtectionRuleFormat.Roles;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "roles":
                return true;
            case "policies":
                format = ProtectionRuleFormat.Policies;
                return true;
            default:
                return false;
        }
    }
}
