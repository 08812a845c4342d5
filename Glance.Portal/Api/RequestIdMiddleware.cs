namespace Glance.Portal.Api;

/// <summary>
/// Every response carries <c>x-openstack-request-id</c>; a caller's own id is reused when it is a
/// plausible one (Glance's <c>max_request_id_length</c> of 64), prefixed with <c>req-</c> when it lacks it,
/// so a client can follow its call through logs.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "x-openstack-request-id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        // Glance's context middleware prefixes a caller's id that lacks "req-" (case-sensitively, as it does).
        var id = incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? incoming.StartsWith("req-", StringComparison.Ordinal) ? incoming : "req-" + incoming
            : $"req-{Guid.NewGuid()}";
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            await next(context);
        }
    }
}
