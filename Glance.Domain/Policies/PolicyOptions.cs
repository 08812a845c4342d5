namespace Glance.Domain.Policies;

/// <summary>The <c>Glance:Policy</c> section.</summary>
public sealed class PolicyOptions
{
    public const string SectionName = "Glance:Policy";

    /// <summary>A YAML or JSON file of <c>"rule": "check string"</c> pairs laid over the defaults, as oslo.policy reads <c>policy.yaml</c>.</summary>
    public string? File { get; set; }

    /// <summary>
    /// Glance's <c>[oslo_policy] enforce_new_defaults</c> (with <c>enforce_secure_rbac</c>): the persona
    /// rules, where a reader reads and only a member writes. Off by default, as in Glance Zed.
    /// </summary>
    public bool EnforceNewDefaults { get; set; }
}
