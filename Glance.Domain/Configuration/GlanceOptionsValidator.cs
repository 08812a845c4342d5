using Microsoft.Extensions.Options;

namespace Glance.Domain.Configuration;

/// <summary>Refuses settings Glance would refuse, naming the configuration key so an operator can fix it.</summary>
internal sealed class GlanceOptionsValidator : IValidateOptions<GlanceOptions>, IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, GlanceOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{GlanceOptions.SectionName}:{nameof(GlanceOptions.DataDirectory)} must name a folder.");
        }
        else if (options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{GlanceOptions.SectionName}:{nameof(GlanceOptions.DataDirectory)} is not a valid path: '{options.DataDirectory}'.");
        }
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        var failures = new List<string>();
        AtLeast(failures, nameof(LimitsOptions.LimitParamDefault), options.LimitParamDefault, 1);
        AtLeast(failures, nameof(LimitsOptions.ApiLimitMax), options.ApiLimitMax, 1);
        AtLeast(failures, nameof(LimitsOptions.ImageSizeCap), options.ImageSizeCap, 0);
        if (options.UploadIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{LimitsOptions.SectionName}:{nameof(LimitsOptions.UploadIdleTimeout)} must be longer than zero (it is {options.UploadIdleTimeout}).");
        }
        return Result(failures);
    }

    private static void AtLeast(List<string> failures, string key, long value, long minimum)
    {
        if (value < minimum)
        {
            failures.Add($"{LimitsOptions.SectionName}:{key} must be at least {minimum} (it is {value}).");
        }
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
