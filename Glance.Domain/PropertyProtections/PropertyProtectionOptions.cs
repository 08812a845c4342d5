using Microsoft.Extensions.Options;

namespace Glance.Domain.PropertyProtections;

/// <summary>The <c>Glance:PropertyProtection</c> section (Glance's <c>property_protection_file</c> and <c>_rule_format</c>).</summary>
public sealed class PropertyProtectionOptions
{
    public const string SectionName = "Glance:PropertyProtection";

    /// <summary>A rule file imported as a version at start-up; without it (and without saved versions) properties are unprotected.</summary>
    public string? File { get; set; }

    /// <summary><c>roles</c> (the default) or <c>policies</c>.</summary>
    public string? RuleFormat { get; set; }

    /// <summary>The roles users of this cloud have, for the lint and the impact preview.</summary>
    public List<string> KnownRoles { get; set; } = ["admin", "member", "reader"];

    public ProtectionRuleFormat Format => ProtectionRuleFormatNames.TryParse(RuleFormat, out var format) ? format : ProtectionRuleFormat.Roles;
}

/// <summary>Reads the rule file at start-up: a bad one stops the service with the section's name, as Glance intends.</summary>
internal sealed class PropertyProtectionOptionsValidator : IValidateOptions<PropertyProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, PropertyProtectionOptions options)
    {
        if (!ProtectionRuleFormatNames.TryParse(options.RuleFormat, out var format))
        {
            return ValidateOptionsResult.Fail($"{PropertyProtectionOptions.SectionName}:RuleFormat: '{options.RuleFormat}' is neither 'roles' nor 'policies'.");
        }
        if (string.IsNullOrWhiteSpace(options.File))
        {
            return ValidateOptionsResult.Success;
        }
        string text;
        try
        {
            text = System.IO.File.ReadAllText(options.File);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"{PropertyProtectionOptions.SectionName}:File: cannot read '{options.File}': {ex.Message}");
        }
        var (_, errors) = ProtectionRuleParser.TryParse(text, format);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PropertyProtectionOptions.SectionName}:File '{options.File}': {string.Join(" ", errors)}");
    }
}
