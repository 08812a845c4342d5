using System.Security.Claims;
using System.Text.Encodings.Web;
using Glance.Portal.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Auth;

/// <summary>
/// The API's caller as keystonemiddleware hands it to Glance: <c>X-Identity-Status: Confirmed</c>
/// with <c>X-User-Id</c>, <c>X-Project-Id</c> (or the older <c>X-Tenant-Id</c>) and <c>X-Roles</c>.
/// Headers are read only when <c>Glance:Api:TrustedHeaders</c> is on; otherwise this scheme never
/// authenticates anyone. Unauthenticated calls get Glance's 401.
/// </summary>
internal sealed class TrustedHeadersAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<GlanceApiOptions> apiOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "TrustedHeaders";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!apiOptions.Value.TrustedHeaders)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var headers = Request.Headers;
        if (!string.Equals(headers["X-Identity-Status"].ToString(), "Confirmed", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim>();
        var user = First(headers["X-User-Id"], headers["X-User"]);
        if (user is not null)
        {
            claims.Add(new Claim(GlanceClaimTypes.UserId, user));
        }
        var project = First(headers["X-Project-Id"], headers["X-Tenant-Id"], headers["X-Tenant"]);
        if (project is not null)
        {
            claims.Add(new Claim(GlanceClaimTypes.ProjectId, project));
        }
        foreach (var role in headers["X-Roles"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim(GlanceClaimTypes.Role, role.ToLowerInvariant()));
        }
        var identity = new ClaimsIdentity(claims, SchemeName, GlanceClaimTypes.UserId, GlanceClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // keystonemiddleware names the Keystone a client should get a token from.
        var keystone = Context.RequestServices.GetRequiredService<IOptions<KeystoneOptions>>().Value;
        Response.Headers.WWWAuthenticate = keystone.Enabled
            ? $"Keystone uri=\"{(string.IsNullOrWhiteSpace(keystone.WwwAuthenticateUri) ? keystone.Url!.TrimEnd('/') : keystone.WwwAuthenticateUri)}\""
            : "Bearer realm=\"glance\"";
        return GlanceErrorWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            "This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong " +
            "credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        GlanceErrorWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "You are not authorized to complete this action.");

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
