using Glance.Portal.Api.Versions;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Api;

public static class GlanceApiApplicationBuilderExtensions
{
    /// <summary>An <c>x-openstack-request-id</c> on every response, first, so that even the earliest refusal carries one.</summary>
    public static IApplicationBuilder UseGlanceRequestIds(this IApplicationBuilder app) => app.UseMiddleware<RequestIdMiddleware>();

    /// <summary>
    /// The API's middleware: Glance's error bodies for exceptions and
    /// for bare status codes (401, 404, 405) under the API path, and Glance's version negotiation.
    /// </summary>
    public static IApplicationBuilder UseGlanceApi(this IApplicationBuilder app)
    {
        var pathBase = app.ApplicationServices.GetRequiredService<IOptions<GlanceApiOptions>>().Value.PathBase;
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
            // The OpenStack clients send their token as X-Auth-Token; it is a bearer token like any other.
            var token = context.Request.Headers["X-Auth-Token"].ToString();
            if (token.Length > 0 && context.Request.Headers.Authorization.Count == 0 && context.Request.Path.StartsWithSegments(pathBase))
            {
                context.Request.Headers.Authorization = "Bearer " + token;
            }
            return next(context);
        });
        app.UseMiddleware<VersionNegotiationMiddleware>(pathBase.ToString());
        return app;
    }

    private static string StatusMessage(int status) => status switch
    {
        StatusCodes.Status404NotFound => "The resource could not be found.",
        StatusCodes.Status405MethodNotAllowed => "The method is not allowed for this resource.",
        _ => "",
    };
}
