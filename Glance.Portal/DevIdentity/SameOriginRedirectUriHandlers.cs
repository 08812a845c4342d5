using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Glance.Portal.DevIdentity;

/// <summary>
/// The portal is a client of the provider that lives in the same process, on whatever address the
/// portal is reached at. Instead of a fixed list of redirect URIs, the portal client may only send
/// the browser back to this same origin: <c>/signin-oidc</c> after sign-in, <c>/</c> after sign-out.
/// Other clients have no browser flow at all.
/// </summary>
internal static class SameOriginRedirectUriHandlers
{
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public static OpenIddictServerBuilder UseSameOriginRedirectUris(this OpenIddictServerBuilder builder) => builder
        .RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor)
        .AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.ClientId != DevIdentityClientSeeder.PortalClientId || context.RedirectUri != Origin(context.Transaction) + CallbackPath)
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not allowed for this client.");
                }
                return default;
            })
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order))
        .RemoveEventHandler(OpenIddictServerHandlers.Session.ValidateClientPostLogoutRedirectUri.Descriptor)
        .AddEventHandler<ValidateEndSessionRequestContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && uri != Origin(context.Transaction) + SignedOutCallbackPath)
                {
                    context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not allowed.");
                }
                return default;
            })
            .SetOrder(OpenIddictServerHandlers.Session.ValidateClientPostLogoutRedirectUri.Descriptor.Order));

    private static string Origin(OpenIddictServerTransaction transaction)
    {
        var request = transaction.GetHttpRequest() ?? throw new InvalidOperationException("No HTTP request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
