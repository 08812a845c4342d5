using Microsoft.Extensions.Options;

namespace Glance.Portal.Api;

/// <summary>The <c>Glance:Api</c> section: where the v2 API is mounted and whom it trusts.</summary>
public sealed class GlanceApiOptions
{
    public const string SectionName = "Glance:Api";

    /// <summary>The API's mount point; the endpoint clients are given is <c>http://host:port{PathBase}</c>.</summary>
    public string PathBase { get; set; } = "/image";

    /// <summary>
    /// Take the caller from keystonemiddleware's headers (<c>X-Identity-Status</c>, <c>X-User-Id</c>,
    /// <c>X-Project-Id</c>, <c>X-Roles</c>). Only safe behind a proxy that sets them itself.
    /// </summary>
    public bool TrustedHeaders { get; set; }
}

internal sealed class GlanceApiOptionsValidator : IValidateOptions<GlanceApiOptions>
{
    public ValidateOptionsResult Validate(string? name, GlanceApiOptions options)
    {
        var pathBase = options.PathBase;
        if (string.IsNullOrEmpty(pathBase) || pathBase[0] != '/' || pathBase == "/" || pathBase.EndsWith('/')
            || pathBase.Contains("//") || pathBase.IndexOfAny(['?', '#', ' ', '{', '}']) >= 0)
        {
            return ValidateOptionsResult.Fail(
                $"{GlanceApiOptions.SectionName}:{nameof(GlanceApiOptions.PathBase)} must be a path such as '/image' (leading '/', no trailing '/'); it is '{pathBase}'.");
        }
        return ValidateOptionsResult.Success;
    }
}
