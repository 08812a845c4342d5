using System.Collections.Concurrent;
using Microsoft.AspNetCore.Routing.Template;

namespace Glance.Portal.Api.V2;

/// <summary>
/// Answers requests under <c>/v2</c> that no endpoint takes: 405 with <c>Allow</c> when the path is a
/// known resource (Glance's router does this), 404 otherwise. ASP.NET's own 405 cannot be relied on
/// here, because the portal's GET fallback route makes every path look GET-able before its
/// constraint is checked.
/// </summary>
internal static class UnmatchedEndpoint
{
    private static readonly ConcurrentDictionary<string, TemplateMatcher> s_matchers = new();

    /// <summary>The order Glance's routes list their methods in <c>Allow</c> (GET, PATCH, DELETE for an image).</summary>
    private static readonly string[] s_methodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static RouteGroupBuilder MapUnmatched(this RouteGroupBuilder v2)
    {
        v2.Map("/{**rest}", NotFoundOrMethodNotAllowed).WithName(nameof(NotFoundOrMethodNotAllowed)).WithOrder(int.MaxValue);
        return v2;
    }

    public static GlanceErrorResult NotFoundOrMethodNotAllowed(HttpContext context, EndpointDataSource endpoints)
    {
        var path = context.Request.Path;
        var allowed = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } && e.RoutePattern.RawText is { } raw && raw.Contains("/v2/"))
            .Where(e => Matcher(e.RoutePattern.RawText!).TryMatch(path, new RouteValueDictionary()))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            .Distinct()
            .OrderBy(m => Array.IndexOf(s_methodOrder, m))
            .ToList();
        if (allowed.Count == 0)
        {
            return new GlanceErrorResult(StatusCodes.Status404NotFound, "The resource could not be found.");
        }
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return new GlanceErrorResult(StatusCodes.Status405MethodNotAllowed, "The method is not allowed for this resource.");
    }

    private static TemplateMatcher Matcher(string pattern) =>
        s_matchers.GetOrAdd(pattern, p => new TemplateMatcher(TemplateParser.Parse(p), new RouteValueDictionary()));
}
