namespace Glance.Portal.DevIdentity;

/// <summary>The <c>Glance:DevIdentity</c> section: the embedded OpenID Connect provider for development.</summary>
public sealed class DevIdentityOptions
{
    public const string SectionName = "Glance:DevIdentity";

    /// <summary>On in Development (appsettings.Development.json); takes effect only while no external authority is configured.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long an access token from the embedded provider lives.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
