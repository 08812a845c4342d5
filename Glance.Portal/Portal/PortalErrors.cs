using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Glance.Portal.Portal;

/// <summary>
/// The portal's own endpoints (<c>/portal/*</c>, what its pages fetch, and the sign-in forms under
/// <c>/authentication</c>) answer every error as RFC 9457
/// problem details, whatever produced it: a domain refusal, a bare status code (401, 404, 405), or a
/// request the framework refused. A request that was bad outside the API (a form without its
/// antiforgery token, say) is a 400 with its reason everywhere, never a 500.
/// </summary>
internal static class PortalErrors
{
    public const string PathPrefix = "/portal";

    /// <summary>Sign-in, sign-out and project switch: forms whose refusals get the same shape.</summary>
    private const string SignInPrefix = "/authentication";

    public static IServiceCollection AddPortalErrors(this IServiceCollection services)
    {
        services.AddExceptionHandler<BadRequestHandler>();
        return services;
    }

    public static IApplicationBuilder UsePortalErrors(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PathPrefix) || context.Request.Path.StartsWithSegments(SignInPrefix), portal => portal.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.ContentLength is null or 0 && !http.Response.HasStarted)
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = http.Response.StatusCode, Detail = DetailFor(http.Response.StatusCode) },
                });
            }
        }));

    private static string? DetailFor(int status) => status switch
    {
        // Outside Development the framework answers a form without its antiforgery token with a bare 400.
        StatusCodes.Status400BadRequest => "The form expired, did not come from this site or lacks a field. Reload the page and try again.",
        StatusCodes.Status401Unauthorized => "Sign in to the portal first.",
        StatusCodes.Status403Forbidden => "You may not do this.",
        StatusCodes.Status404NotFound => "There is nothing here.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take that method.",
        _ => null,
    };

    /// <summary>The framework's refusals of a request (bad form, antiforgery, body too large) keep their 4xx status.</summary>
    private sealed class BadRequestHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
            {
                return false;
            }
            context.Response.StatusCode = bad.StatusCode;
            var detail = bad.InnerException is Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException || bad.Message.Contains("anti-forgery", StringComparison.OrdinalIgnoreCase)
                ? "The form expired or did not come from this site. Reload the page and try again."
                : bad.Message;
            await context.Response.WriteAsJsonAsync(
                new ProblemDetails { Status = bad.StatusCode, Title = ReasonPhrases.GetReasonPhrase(bad.StatusCode), Detail = detail },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            return true;
        }
    }
}
