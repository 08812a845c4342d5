using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace Glance.Portal.Auth;

/// <summary>Sign-in, sign-out (a POST with antiforgery) and switching the active project, under <c>/authentication</c>.</summary>
public static class LoginLogoutEndpoints
{
    public static IEndpointConventionBuilder MapLoginAndLogout(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/authentication");
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (!PortalAuthenticationServiceCollectionExtensions.HasIdentityProvider(configuration))
        {
            group.MapGet("/login", () => TypedResults.Text(
                "The portal has no identity provider. Set Authentication:Schemes:OpenIdConnect:Authority (with ClientId and ClientSecret), " +
                "or Glance:DevIdentity:Enabled=true for the development provider.", statusCode: StatusCodes.Status503ServiceUnavailable));
            return group;
        }
        group.MapGet("/login", (string? returnUrl) => TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }))
            .AllowAnonymous();
        group.MapPost("/logout", ([FromForm] string? returnUrl) => TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        group.MapPost("/project", SwitchProject).RequireAuthorization();
        return group;
    }

    /// <summary>Makes another of the user's projects the active one and remembers the choice for later visits.</summary>
    private static async Task<IResult> SwitchProject(HttpContext context, [FromForm] string project, [FromForm] string? returnUrl)
    {
        var user = context.User;
        if (!ActiveProject.ProjectsOf(user).Contains(project))
        {
            return TypedResults.BadRequest("You are not a member of that project.");
        }
        context.Response.Cookies.Append(ActiveProject.CookieName, project, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Expires = DateTimeOffset.UtcNow.AddYears(1),
        });
        // The principal already holds Glance's claim names; apply the new project with those.
        var switched = ActiveProject.Apply(user, new ClaimNamesOptions(), project);
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, switched, session.Properties);
        return TypedResults.LocalRedirect(LocalUrl(returnUrl));
    }

    /// <summary>
    /// Only paths on this site, so that sign-in cannot be turned into an open redirect: a path that
    /// starts with one slash and holds no backslash and no control character. Browsers drop tabs and
    /// line breaks from a URL and read a backslash as a slash, so <c>/\t/evil.example</c> and
    /// <c>/\\evil</c> would leave the site; a line break in a header would also fail the response.
    /// The same holds for the value decoded once more (<c>/%09/evil.example</c>).
    /// </summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && IsLocalPath(url) && IsLocalPath(Uri.UnescapeDataString(url)) ? url : "/";

    /// <summary>The same test on the value once more decoded, in case something on the way decodes it again.</summary>
    private static bool IsLocalPath(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || url[1] != '/') && !url.Contains('\\') && !url.Any(char.IsControl);
}
