namespace Glance.Portal.Api.Versions;

/// <summary>
/// Glance's version negotiation (glance/api/middleware/version_negotiation.py) in front of the API's
/// routes: <c>/versions</c> (and anything under it) is the version list; a media type
/// <c>application/vnd.openstack.images-v2…</c> in <c>Accept</c> names the version instead of the path;
/// otherwise the first segment must be an accepted version (<c>v2</c>, <c>v2.1</c>, …, which all reach
/// the one v2 API) or the answer is the 300 document. The v2 router then redirects <c>/v2</c> to
/// <c>/v2/</c> (302, Routes' <c>redirect("", "/")</c>) and, having no route with a trailing slash,
/// answers 404 for <c>/v2/</c>, <c>/v2/images/</c> and every other path ending in one.
/// </summary>
internal sealed class VersionNegotiationMiddleware(RequestDelegate next, string pathBase)
{
    private const string MediaTypePrefix = "application/vnd.openstack.images-";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(pathBase, out var remaining))
        {
            return next(context);
        }
        var rest = remaining.Value ?? "";
        if (rest is "" or "/")
        {
            return next(context);
        }
        var (first, tail) = SplitFirst(rest);
        if (first == "versions")
        {
            context.Request.Path = pathBase + "/versions";
            return next(context);
        }

        var accept = context.Request.Headers.Accept.ToString();
        string version;
        if (accept.StartsWith(MediaTypePrefix, StringComparison.Ordinal))
        {
            // The media type names the version, and the whole path is the resource's (no segment is taken).
            version = accept[MediaTypePrefix.Length..];
            tail = rest;
        }
        else
        {
            version = first;
        }
        if (!VersionsEndpoints.AcceptedPrefixes(context.RequestServices.GetRequiredService<Glance.Domain.ImageData.IImageStores>().MultiStore).Contains(version))
        {
            context.Request.Path = pathBase;
            return next(context);
        }
        if (tail.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{pathBase}/v2/";
            return Task.CompletedTask;
        }
        if (tail.EndsWith('/'))
        {
            return GlanceErrorWriter.WriteAsync(context, StatusCodes.Status404NotFound, "The resource could not be found.");
        }
        context.Request.Path = pathBase + "/v2" + tail;
        return next(context);
    }

    /// <summary>The first segment of <c>/a/b/c</c> and what follows it (<c>/b/c</c>, or empty).</summary>
    private static (string First, string Tail) SplitFirst(string rest)
    {
        var trimmed = rest.TrimStart('/');
        var slash = trimmed.IndexOf('/');
        return slash < 0 ? (trimmed, "") : (trimmed[..slash], trimmed[slash..]);
    }
}
