namespace Glance.Portal.Auth;

/// <summary>
/// <c>Glance:Api:Keystone</c>: validate OpenStack Keystone tokens as keystonemiddleware does for Glance.
/// Off while <see cref="Url"/> is empty. The service credentials belong in environment variables or
/// a secret store, never in the repository.
/// </summary>
public sealed class KeystoneOptions
{
    public const string SectionName = "Glance:Api:Keystone";

    /// <summary>Keystone's base URL, e.g. <c>http://keystone:5000</c> (with or without <c>/v3</c>).</summary>
    public string? Url { get; set; }

    /// <summary>
    /// The Keystone that 401 answers name in <c>WWW-Authenticate: Keystone uri="…"</c>, as
    /// keystonemiddleware's <c>www_authenticate_uri</c>; <see cref="Url"/> when not set.
    /// </summary>
    public string? WwwAuthenticateUri { get; set; }

    public string ServiceUser { get; set; } = "glance";

    public string? ServicePassword { get; set; }

    public string ServiceProject { get; set; } = "service";

    public string ServiceUserDomain { get; set; } = "Default";

    public string ServiceProjectDomain { get; set; } = "Default";

    /// <summary>
    /// Who may pick a project by name when sharing: <c>Admins</c> (the default: a cloud's project names
    /// are not every tenant's business) or <c>Everyone</c>. Others type project ids.
    /// </summary>
    public Glance.Domain.Members.DirectoryAudience ProjectDirectory { get; set; } = Glance.Domain.Members.DirectoryAudience.Admins;

    /// <summary>How long a validated token is trusted before Keystone is asked again (keystonemiddleware's token_cache_time).</summary>
    public TimeSpan CacheTime { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>Whether the configuration turns Keystone on, for choices made while services are registered.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SectionName}:{nameof(Url)}"]);

    public string V3 => Url!.TrimEnd('/').EndsWith("/v3", StringComparison.Ordinal) ? Url!.TrimEnd('/') : Url!.TrimEnd('/') + "/v3";
}
