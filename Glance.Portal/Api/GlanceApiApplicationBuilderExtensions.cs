using Glance.Portal.Api.Versions;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Api;

public static class GlanceApiApplicationBuilderExtensions
{
    /// <summary>
    /// The API's middleware: request ids on every response, Glance's error bodies for exceptions and
    /// for bare status codes (401, 404, 405) under the API path, and the minor-version prefixes
    /// (<c>/v2.1/…</c>) that all reach the one v2 API.
    /// </summary>
    public static IApplicationBuilder UseGlanceApi(this IApplicationBuilder app)
    {
        var pathBase = app.ApplicationServices.GetRequiredService<IOptions<GlanceApiOptions>>().Value.PathBase;
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Request.Path.StartsWithSegments(pathBase) && http.Response.ContentLength is null or 0)
            {
                await GlanceErrorWriter.WriteAsync(http, http.Response.StatusCode, StatusMessage(http.Response.StatusCode));
            }
        });
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(pathBase, out var rest))
            {
                // The OpenStack clients send their token as X-Auth-Token; it is a bearer token like any other.
                var token = context.Request.Headers["X-Auth-Token"].ToString();
                if (token.Length > 0 && context.Request.Headers.Authorization.Count == 0)
                {
                    context.Request.Headers.Authorization = "Bearer " + token;
                }
                var segments = rest.Value?.Split('/', 3) ?? [];
                if (segments.Length >= 2 && segments[1] != "v2" && VersionsEndpoints.AcceptedPrefixes.Contains(segments[1]))
                {
                    context.Request.Path = pathBase + "/v2" + (segments.Length == 3 ? "/" + segments[2] : "");
                }
            }
            return next(context);
        });
        return app;
    }

    private static string StatusMessage(int status) => status switch
    {
        StatusCodes.Status404NotFound => "The resource could not be found.",
        StatusCodes.Status405MethodNotAllowed => "The method is not allowed for this resource.",
        _ => "",
    };
}
