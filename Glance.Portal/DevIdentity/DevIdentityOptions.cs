namespace Glance.Portal.DevIdentity;

/// <summary>The <c>Glance:DevIdentity</c> section: the embedded OpenID Connect provider for development.</summary>
public sealed class DevIdentityOptions
{
    public const string SectionName = "Glance:DevIdentity";

    /// <summary>On in Development (appsettings.Development.json); takes effect only while no external authority is configured.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long an access token from the embedded provider lives.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A name no one can resolve, the same at every address the portal is reached at.</summary>
    public static readonly Uri DefaultIssuer = new("http://glance-dev-identity.invalid/");

    /// <summary>The issuer the provider's tokens name; any address, since the portal validates them itself.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>Password attempts one client may make for one account in a minute, on the sign-in page and the password grant together.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;
}
