using Glance.Portal.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Hosting;

/// <summary>
/// Refuses a request whose raw path holds a <c>.</c> or <c>..</c> segment, percent-encoded or not.
/// Kestrel resolves such segments before routing, so <c>DELETE /image/v2/images/{id}/tags/..</c> would
/// otherwise reach the handler of <c>DELETE /image/v2/images/{id}</c> and delete the image. Glance's
/// server takes the segments literally; no client sends them, so a clear 400 is the safer answer.
/// </summary>
internal sealed class DotSegmentGuard(RequestDelegate next, IOptions<GlanceApiOptions> api)
{
    public const string Message = "The path may not contain '.' or '..' segments.";

    public Task InvokeAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !HasDotSegment(raw))
        {
            return next(context);
        }
        if (context.Request.Path.StartsWithSegments(api.Value.PathBase))
        {
            return GlanceErrorWriter.WriteAsync(context, StatusCodes.Status400BadRequest, Message);
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsync(Message);
    }

    /// <summary>Whether the path of a request target (origin or absolute form) has a dot segment.</summary>
    internal static bool HasDotSegment(string target)
    {
        var path = target;
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && !path.StartsWith('/'))
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "" : path[slash..];
        }
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            path = path[..end];
        }
        // A backslash too: Kestrel builds the path of an absolute-form target with System.Uri, which reads
        // it as a slash.
        foreach (var segment in path.Split('/', '\\'))
        {
            // The longest spelling of a dot segment is "%2e%2e".
            if (segment.Length is > 0 and <= 6 && Uri.UnescapeDataString(segment) is "." or "..")
            {
                return true;
            }
        }
        return false;
    }
}

internal static class DotSegmentGuardExtensions
{
    public static IApplicationBuilder UseDotSegmentGuard(this IApplicationBuilder app) => app.UseMiddleware<DotSegmentGuard>();
}
