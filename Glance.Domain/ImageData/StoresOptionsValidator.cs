using Microsoft.Extensions.Options;

namespace Glance.Domain.ImageData;

/// <summary>Refuses store settings that cannot work, naming the key, before the portal starts.</summary>
internal sealed class StoresOptionsValidator : IValidateOptions<StoresOptions>
{
    public ValidateOptionsResult Validate(string? name, StoresOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, backend) in options.Backends)
        {
            var key = $"{StoresOptions.SectionName}:Backends:{id}";
            if (id.StartsWith(StoresOptions.ReservedPrefix, StringComparison.Ordinal))
            {
                failures.Add($"{key}: store ids beginning with '{StoresOptions.ReservedPrefix}' are reserved for the image service.");
            }
            if (string.IsNullOrWhiteSpace(backend.Type))
            {
                failures.Add($"{key}:Type must name the store's type (filesystem, s3, swift or http).");
            }
        }
        if (options.Default is { } wanted && !options.Backends.ContainsKey(wanted))
        {
            failures.Add($"{StoresOptions.SectionName}:Default names '{wanted}', which is not one of {StoresOptions.SectionName}:Backends"
                + (options.Backends.Count == 0 ? " (there are none)." : $" ({string.Join(", ", options.Backends.Keys)})."));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
