using Microsoft.Extensions.Options;

namespace Glance.Domain.Policies;

/// <summary>Loads the policy file at start-up so that a bad one stops the service with the rule's name.</summary>
internal sealed class PolicyOptionsValidator : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions options)
    {
        try
        {
            PolicyRuleSet.Load(options.File, options.EnforceNewDefaults);
            return ValidateOptionsResult.Success;
        }
        catch (PolicyFileException ex)
        {
            return ValidateOptionsResult.Fail($"{PolicyOptions.SectionName}:File: {ex.Message}");
        }
    }
}
