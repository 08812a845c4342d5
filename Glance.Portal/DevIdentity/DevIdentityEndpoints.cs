using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Glance.Portal.DevIdentity;

/// <summary>
/// The embedded provider's own endpoints: OpenIddict validates each protocol request and these
/// decide who the user is (its sign-in page, the password grant for scripts) and which project the
/// tokens speak for.
/// </summary>
internal static class DevIdentityEndpoints
{
    public const string CookieScheme = "DevIdentity";
    public const string LoginPath = "/dev-identity/login";

    public static IEndpointRouteBuilder MapDevIdentity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)Authorize).DisableAntiforgery();
        endpoints.MapPost("/connect/token", (Delegate)Token).DisableAntiforgery();
        // Sign-out only by POST, so that a link or an image on another page cannot end the session.
        endpoints.MapPost("/connect/logout", (Delegate)Logout).DisableAntiforgery();
        endpoints.MapMethods("/connect/userinfo", ["GET", "POST"], (Delegate)UserInfo).DisableAntiforgery();
        endpoints.MapGet(LoginPath, LoginPage);
        endpoints.MapPost(LoginPath, Login);
        return endpoints;
    }

    private static async Task<IResult> Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(CookieScheme);
        if (!session.Succeeded || DemoAccounts.Find(session.Principal.Identity?.Name) is not { } account)
        {
            var back = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList());
            return TypedResults.Redirect($"{LoginPath}?returnUrl={Uri.EscapeDataString(back)}");
        }
        var project = DevIdentityClaims.ChooseProject(account, request.GetParameter("project")?.ToString());
        if (project is null)
        {
            return Forbid(Errors.AccessDenied, "You are not a member of that project.");
        }
        return SignIn(account, project, request);
    }

    private static async Task<IResult> Token(HttpContext context, LoginRateLimiter limiter)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        DemoAccount? account;
        string? askedProject;
        if (request.IsPasswordGrantType())
        {
            if (!limiter.TryAttempt(context, request.Username, out var retryAfter))
            {
                return LoginRateLimiter.TooManyAttempts(context, retryAfter, json: true);
            }
            account = DemoAccounts.SignIn(request.Username, request.Password);
            if (account is null)
            {
                return Forbid(Errors.InvalidGrant, "The user name or password is wrong.");
            }
            askedProject = request.GetParameter("project")?.ToString();
        }
        else if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var earlier = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            account = DemoAccounts.Find(earlier.Principal?.GetClaim(Claims.Subject));
            if (account is null)
            {
                return Forbid(Errors.InvalidGrant, "The account no longer exists.");
            }
            askedProject = request.GetParameter("project")?.ToString() ?? earlier.Principal!.GetClaim(Auth.GlanceClaimTypes.ProjectId);
        }
        else
        {
            return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
        }

        var project = DevIdentityClaims.ChooseProject(account, askedProject);
        if (project is null)
        {
            return Forbid(Errors.InvalidRequest, $"{account.UserName} is not a member of project '{askedProject}'.");
        }
        return SignIn(account, project, request);
    }

    private static IResult SignIn(DemoAccount account, string project, OpenIddictRequest request)
    {
        var principal = DevIdentityClaims.For(account, project, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        principal.SetScopes(request.GetScopes());
        principal.SetResources(DevIdentityClientSeeder.ApiAudience);
        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Logout(HttpContext context)
    {
        await context.SignOutAsync(CookieScheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> UserInfo(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (DemoAccounts.Find(result.Principal?.GetClaim(Claims.Subject)) is not { } account)
        {
            return TypedResults.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        return TypedResults.Ok(new Dictionary<string, object>
        {
            [Claims.Subject] = account.UserName,
            [Claims.Name] = account.DisplayName,
            [Claims.PreferredUsername] = account.UserName,
        });
    }

    private static IResult LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error) =>
        TypedResults.Content(LoginHtml(antiforgery.GetAndStoreTokens(context), Auth.LoginLogoutEndpoints.LocalUrl(returnUrl), error), "text/html; charset=utf-8");

    private static async Task<IResult> Login(HttpContext context, IAntiforgery antiforgery, LoginRateLimiter limiter)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest("The sign-in form expired or did not come from this site. Go back, reload the page and sign in again.");
        }
        var form = await context.Request.ReadFormAsync();
        var returnUrl = Auth.LoginLogoutEndpoints.LocalUrl(form["returnUrl"]);
        if (!limiter.TryAttempt(context, form["username"], out var retryAfter))
        {
            return LoginRateLimiter.TooManyAttempts(context, retryAfter, json: false);
        }
        var account = DemoAccounts.SignIn(form["username"], form["password"]);
        if (account is null)
        {
            return TypedResults.Redirect($"{LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}&error=1");
        }
        var identity = new ClaimsIdentity(CookieScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, account.UserName));
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return TypedResults.LocalRedirect(returnUrl);
    }

    private static IResult Forbid(string error, string description) => TypedResults.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static string LoginHtml(AntiforgeryTokenSet tokens, string returnUrl, string? error)
    {
        var html = HtmlEncoder.Default;
        var accounts = string.Join("", DemoAccounts.All.Select(a =>
            $"<li><code>{html.Encode(a.UserName)}</code>: {html.Encode(string.Join("; ", a.Projects.Select(p => $"{p.Project} ({string.Join(", ", p.Roles)})")))}</li>"));
        var message = error is null ? "" : "<p role=\"alert\" class=\"error\">The user name or password is wrong.</p>";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>Sign in · Glance development identity</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
                label { display: block; margin-top: 1rem; } input { width: 100%; padding: .5rem; font-size: 1rem; }
                button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; } .error { color: #b00020; }
                .note { color: #555; font-size: .9rem; margin-top: 2rem; }
              </style>
            </head>
            <body>
              <h1>Sign in</h1>
              <p>Glance Portal's development identity provider.</p>
              {{message}}
              <form method="post" action="{{LoginPath}}">
                <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? "")}}" />
                <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}" />
                <label for="username">User name</label>
                <input id="username" name="username" autocomplete="username" autofocus required />
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required />
                <button type="submit">Sign in</button>
              </form>
              <div class="note">
                <p>Demo accounts (each password is the account name):</p>
                <ul>{{accounts}}</ul>
              </div>
            </body>
            </html>
            """;
    }
}
