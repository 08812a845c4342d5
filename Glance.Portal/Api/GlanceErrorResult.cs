namespace Glance.Portal.Api;

/// <summary>An error an endpoint answers itself (rather than by throwing), in Glance's error body.</summary>
internal sealed class GlanceErrorResult(int statusCode, string message) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public Task ExecuteAsync(HttpContext httpContext) => GlanceErrorWriter.WriteAsync(httpContext, statusCode, message);
}
